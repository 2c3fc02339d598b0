package io.chspring.client.query;

import io.chspring.client.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The result of a query as a byte stream in the requested format, already decompressed. An error the server
 * appends after rows surfaces as an exception from {@code read}. Closing the stream releases the connection;
 * unread bytes are discarded. Not thread-safe.
 */
public final class QueryResponse extends InputStream {

    private final TransportResponse response;
    private final InputStream body;
    private boolean closed;

    QueryResponse(TransportResponse response) {
        this.response = response;
        this.body = response.body();
    }

    /** The query id (the client's, or the server's when it reported one). */
    public String queryId() {
        return response.queryId();
    }

    /** A response header, for example {@code X-ClickHouse-Format} or {@code X-ClickHouse-Timezone} (modern servers). */
    public Optional<String> header(String name) {
        return response.header(name);
    }

    @Override
    public int read() throws IOException {
        return body.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return body.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        return body.skip(n);
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            response.close();
        }
    }
}
