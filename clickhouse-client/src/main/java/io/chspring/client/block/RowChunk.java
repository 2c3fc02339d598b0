package io.chspring.client.block;

import java.util.Arrays;

/**
 * The RowBinary bytes of a few rows, written by the column transcoders and handed out by
 * {@link NativeRowBinaryStream}. Starts small (a small query's result is a few bytes) and grows to hold whole rows, so
 * a chunk may pass its target size by one row.
 */
final class RowChunk {

    private byte[] buf = new byte[1024];
    private int size;

    int size() {
        return size;
    }

    byte[] bytes() {
        return buf;
    }

    void reset() {
        size = 0;
    }

    void write(int b) {
        if (size == buf.length) {
            grow(1);
        }
        buf[size++] = (byte) b;
    }

    void write(byte[] bytes, int off, int len) {
        if (len > buf.length - size) {
            grow(len);
        }
        System.arraycopy(bytes, off, buf, size, len);
        size += len;
    }

    /** An unsigned LEB128 number, as RowBinary writes string lengths and array sizes. */
    void writeVarLong(long value) {
        if (buf.length - size < 10) {
            grow(10);
        }
        long v = value;
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    private void grow(int more) {
        long needed = (long) size + more;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a row of more than 2 GiB cannot be handed out as RowBinary");
        }
        buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, buf.length * 2L)));
    }
}
