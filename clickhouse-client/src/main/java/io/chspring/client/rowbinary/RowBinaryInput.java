package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseTransportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads RowBinary primitives (little-endian numbers, LEB128 lengths, length-prefixed strings) from a stream
 * through one reusable buffer. Not thread-safe. A stream that ends inside a value raises a
 * {@link ClickHouseTransportException} ("truncated"); {@link #hasMore()} tells a clean end at a row boundary.
 */
public final class RowBinaryInput {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Where a larger buffer starts; see {@link #RowBinaryInput(InputStream, int)}. 1 KiB holds a small query's whole
     * result (a count, a few rows); 8 KiB here was a quarter of what such a query allocated (issue 17).
     */
    private static final int INITIAL_BUFFER = 1024;

    private final InputStream in;
    private final int maxBuffer;
    private byte[] buf;
    private boolean filledBuffer;
    private int pos;
    private int limit;
    private long offset;
    private boolean eof;

    /** Reads from {@code in} with a buffer of up to 8 KiB (starting at 1 KiB). */
    public RowBinaryInput(InputStream in) {
        this(in, 8192);
    }

    /**
     * Reads from {@code in} with a buffer of up to {@code bufferSize} bytes (at least 64). A buffer larger than 1 KiB
     * starts at 1 KiB and doubles each time a read fills it, so a small result (a few rows) does not allocate the
     * buffer a long stream needs.
     */
    public RowBinaryInput(InputStream in, int bufferSize) {
        this.in = in;
        this.maxBuffer = Math.max(64, bufferSize);
        this.buf = new byte[Math.min(maxBuffer, Math.max(64, INITIAL_BUFFER))];
    }

    /** Reads the given bytes. */
    public static RowBinaryInput of(byte[] bytes) {
        return new RowBinaryInput(new ByteArrayInputStream(bytes), Math.max(64, Math.min(bytes.length, 8192)));
    }

    /** The buffer's current size; for tests of its growth. */
    int bufferSize() {
        return buf.length;
    }

    /** Whether at least one more byte follows; call it between rows. */
    public boolean hasMore() {
        return pos < limit || fill();
    }

    /** Whether the stream ended exactly here (the opposite of {@link #hasMore()}). */
    public boolean isAtEnd() {
        return !hasMore();
    }

    /** How many bytes were consumed so far. */
    public long position() {
        return offset + pos;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        offset += pos;
        int keep = limit - pos;
        if (filledBuffer && buf.length < maxBuffer) {
            byte[] larger = new byte[Math.min(maxBuffer, buf.length * 2)];
            System.arraycopy(buf, pos, larger, 0, keep);
            buf = larger;
        } else {
            System.arraycopy(buf, pos, buf, 0, keep);
        }
        pos = 0;
        limit = keep;
        try {
            int n = in.read(buf, limit, buf.length - limit);
            while (n == 0) {
                n = in.read(buf, limit, buf.length - limit);
            }
            if (n < 0) {
                eof = true;
                return limit > pos;
            }
            limit += n;
            filledBuffer = limit == buf.length;
            return true;
        } catch (IOException e) {
            throw new ClickHouseTransportException("cannot read RowBinary data at byte " + position(), e);
        }
    }

    /** Makes sure {@code n} (at most the buffer size) bytes are buffered contiguously. */
    private void require(int n) {
        while (limit - pos < n) {
            if (!fill()) {
                throw truncated(n - (limit - pos));
            }
        }
    }

    private ClickHouseTransportException truncated(long missing) {
        return new ClickHouseTransportException("RowBinary data truncated: the stream ended at byte " + (offset + limit)
                + " with " + missing + " more byte(s) of the current value expected");
    }

    /** One byte. */
    public byte readByte() {
        if (pos >= limit) {
            require(1);
        }
        return buf[pos++];
    }

    /** One byte as 0..255. */
    public int readUnsignedByte() {
        return readByte() & 0xFF;
    }

    /** A little-endian 16-bit integer. */
    public short readShort() {
        require(2);
        short v = (short) SHORT.get(buf, pos);
        pos += 2;
        return v;
    }

    /** A little-endian 32-bit integer. */
    public int readInt() {
        require(4);
        int v = (int) INT.get(buf, pos);
        pos += 4;
        return v;
    }

    /** A little-endian 64-bit integer. */
    public long readLong() {
        require(8);
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    /** A little-endian IEEE 754 single. */
    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    /** A little-endian IEEE 754 double. */
    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** An unsigned LEB128 number (as used for lengths), up to 64 bits. */
    public long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new ClickHouseTransportException("malformed RowBinary data: LEB128 number longer than 10 bytes at byte "
                + position());
    }

    /** A LEB128 length of a string, array or map; rejects lengths no Java array can hold. */
    public int readLength() {
        long n = readVarLong();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new ClickHouseTransportException("malformed RowBinary data: length " + Long.toUnsignedString(n)
                    + " at byte " + position() + " is too large");
        }
        return (int) n;
    }

    /** Reads exactly {@code len} bytes into {@code dst}. */
    public void readFully(byte[] dst, int off, int len) {
        while (len > 0) {
            if (pos >= limit && !fill()) {
                throw truncated(len);
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** Exactly {@code len} bytes as a new array. */
    public byte[] readBytes(int len) {
        byte[] out = new byte[len];
        readFully(out, 0, len);
        return out;
    }

    /** A length-prefixed byte string. */
    public byte[] readBinary() {
        return readBytes(readLength());
    }

    /** A length-prefixed string decoded as UTF-8 straight from the buffer when it fits. */
    public String readString() {
        return readString(readLength());
    }

    /** {@code len} bytes decoded as UTF-8 (malformed input becomes U+FFFD, as String does). */
    public String readString(int len) {
        if (len <= buf.length) {
            require(len);
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }
        return new String(readBytes(len), StandardCharsets.UTF_8);
    }

    /** Skips {@code n} bytes. */
    public void skip(long n) {
        while (n > 0) {
            if (pos >= limit && !fill()) {
                throw truncated(n);
            }
            int step = (int) Math.min(n, limit - pos);
            pos += step;
            n -= step;
        }
    }
}
