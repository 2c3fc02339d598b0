package io.chspring.client.compression;

import java.io.InputStream;
import java.util.function.IntSupplier;

/** Test input that hands out its bytes in chunks of the sizes a supplier picks, as a network stream may. */
final class ChunkedInputStream extends InputStream {

    private final byte[] data;
    private final IntSupplier chunkSizes;
    private int pos;
    boolean closed;

    ChunkedInputStream(byte[] data, IntSupplier chunkSizes) {
        this.data = data;
        this.chunkSizes = chunkSizes;
    }

    /** Chunks of at most {@code size} bytes. */
    static ChunkedInputStream fixed(byte[] data, int size) {
        return new ChunkedInputStream(data, () -> size);
    }

    /** Exactly the given chunk sizes, then whatever remains in one chunk. */
    static ChunkedInputStream splits(byte[] data, int... sizes) {
        int[] next = {0};
        return new ChunkedInputStream(data, () -> next[0] < sizes.length ? sizes[next[0]++] : Integer.MAX_VALUE);
    }

    @Override
    public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos == data.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, Math.max(1, chunkSizes.getAsInt())), data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
