package io.chspring.embedded;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a whole chDB result out of native memory in the caller's chunks ({@link Pointer#read}), so a large result
 * is never copied into the heap at once. The result lives in native memory until this stream is closed, which
 * destroys it and then runs {@code onClose} (returning the connection).
 */
final class NativeResultStream extends InputStream {

    private final ChdbConnection connection;
    private final Runnable onClose;
    private Pointer result;
    private Pointer buffer;
    private long length;
    private long position;

    NativeResultStream(ChdbConnection connection, Pointer result, Runnable onClose) {
        this.connection = connection;
        this.result = result;
        this.onClose = onClose;
        this.buffer = connection.api().chdb_result_buffer(result);
        this.length = buffer == null ? 0 : connection.api().chdb_result_length(result);
    }

    @Override
    public int read() throws IOException {
        ensureOpen();
        return position < length ? buffer.getByte(position++) & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        buffer.read(position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        ensureOpen();
        long skipped = Math.max(0, Math.min(n, length - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        ensureOpen();
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }

    private void ensureOpen() throws IOException {
        if (result == null) {
            throw new IOException("The chDB result is closed");
        }
    }

    @Override
    public void close() {
        if (result != null) {
            Pointer r = result;
            result = null;
            buffer = null;
            length = 0;
            try {
                connection.destroy(r);
            } finally {
                onClose.run();
            }
        }
    }
}
