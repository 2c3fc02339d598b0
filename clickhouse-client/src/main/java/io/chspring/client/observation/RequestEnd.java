package io.chspring.client.observation;

import org.jspecify.annotations.Nullable;

/**
 * How a request ended.
 *
 * @param error why it failed, or {@code null} when it succeeded
 * @param bytesSent request body bytes before compression (0 when the SQL alone was sent)
 * @param bytesReceived response body bytes the caller read, after decompression
 * @param readRows rows the server read, from its {@code X-ClickHouse-Summary} header, or -1 when it sent none (18.16)
 * @param writtenRows rows the server wrote, from the same header, or -1
 */
public record RequestEnd(@Nullable Throwable error, long bytesSent, long bytesReceived, long readRows,
        long writtenRows) {

    /** Whether the request succeeded. */
    public boolean success() {
        return error == null;
    }
}
