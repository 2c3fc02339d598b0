package io.chspring.embedded;

import com.sun.jna.Pointer;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a chDB streaming query chunk by chunk ({@code chdb_stream_fetch_result}); one chunk (a block of about 65k
 * rows) sits in native memory at a time. An error chDB reports mid-stream surfaces from {@code read} as an
 * {@link IOException} whose cause is the {@link ClickHouseException}. Closing before the end cancels the query.
 *
 * <p>chDB formats each chunk on its own, so a format with a header repeats it in every chunk. For
 * {@code RowBinaryWithNames} and {@code RowBinaryWithNamesAndTypes} the repeated header is checked against the first
 * and dropped; other formats with headers or footers are never streamed (see {@link StreamableFormats}).
 */
final class StreamingResultStream extends InputStream {

    /** chDB's error for a fetch after a stream that finished inside the init call; it means the end, not a failure. */
    private static final String NO_ACTIVE_STREAM = "No active streaming query";

    private final ChdbConnection connection;
    private final String queryId;
    private final int headerColumnsStrings;
    private final Runnable onClose;
    private Pointer stream;
    private Pointer chunk;
    private long chunkLength;
    private long position;
    private byte[] header;
    private boolean finished;
    private boolean delivered;

    /**
     * @param headerColumnsStrings strings per column in the per-chunk RowBinary header: 1 (names), 2 (names and
     *     types), or 0 for a format without a header
     */
    StreamingResultStream(ChdbConnection connection, Pointer stream, String queryId, int headerColumnsStrings,
            Runnable onClose) {
        this.connection = connection;
        this.stream = stream;
        this.queryId = queryId;
        this.headerColumnsStrings = headerColumnsStrings;
        this.onClose = onClose;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (stream == null) {
            throw new IOException("The chDB result of query " + queryId + " is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (position >= chunkLength) {
            if (finished || !nextChunk()) {
                return -1;
            }
        }
        int n = (int) Math.min(len, chunkLength - position);
        connection.api().chdb_result_buffer(chunk).read(position, b, off, n);
        position += n;
        delivered = true;
        return n;
    }

    /** Fetches the next chunk; false at the end of the stream. */
    private boolean nextChunk() throws IOException {
        freeChunk();
        Pointer next = connection.api().chdb_stream_fetch_result(connection.handle(), stream);
        String error = next == null ? "chDB returned no chunk" : connection.error(next);
        if (error != null) {
            connection.destroy(next);
            finished = true;
            if (error.contains(NO_ACTIVE_STREAM)) {
                return false;
            }
            ClickHouseException e = ChdbErrors.toException(error, queryId,
                    delivered ? ChdbErrors.AFTER_DATA : ChdbErrors.BEFORE_DATA);
            throw new IOException(e.getMessage(), e);
        }
        long length = connection.api().chdb_result_length(next);
        if (length == 0) {
            connection.destroy(next);
            finished = true;
            return false;
        }
        chunk = next;
        chunkLength = length;
        position = skipHeader();
        return true;
    }

    /** Where this chunk's rows start: after the header, which only the first chunk keeps. */
    private long skipHeader() throws IOException {
        if (headerColumnsStrings == 0) {
            return 0;
        }
        Pointer buffer = connection.api().chdb_result_buffer(chunk);
        int size = RowBinaryHeader.size(buffer, chunkLength, headerColumnsStrings);
        byte[] current = buffer.getByteArray(0, size);
        if (header == null) {
            header = current;
            return 0;
        }
        if (!Arrays.equals(header, current)) {
            throw new IOException("chDB sent a chunk of query " + queryId + " whose RowBinary header differs from "
                    + "the first chunk's; refusing to mix schemas");
        }
        return size;
    }

    private void freeChunk() {
        if (chunk != null) {
            connection.destroy(chunk);
            chunk = null;
            chunkLength = 0;
            position = 0;
        }
    }

    /**
     * Fetches the first chunk, so that an error the engine reports before any data (an unknown column, a missing
     * table: chDB only says so at the first fetch) is thrown by the transport's {@code execute}, as over HTTP, where
     * it is a 500 before the body. Without this the reader of the body got it as a failed read at byte 0. On failure
     * the native stream is freed, but {@code onClose} is left to the caller, which still owns the connection.
     */
    void start() {
        try {
            nextChunk();
        } catch (IOException e) {
            discard();
            throw e.getCause() instanceof ClickHouseException ce ? ce
                    : new ClickHouseTransportException(e.getMessage(), e, 0, queryId, false);
        }
    }

    @Override
    public void close() {
        if (stream == null) {
            return;
        }
        try {
            discard();
        } finally {
            onClose.run();
        }
    }

    /** Frees the chunk and the stream, cancelling the query when it has not finished. */
    private void discard() {
        Pointer s = stream;
        stream = null;
        freeChunk();
        if (!finished) {
            // Stops the engine's pipeline; the header says cancel and fetch must not overlap, and they do not:
            // this stream is used by one thread at a time, as every InputStream.
            connection.api().chdb_stream_cancel_query(connection.handle(), s);
        }
        connection.destroy(s);
    }
}
