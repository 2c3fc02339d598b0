package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseTransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Writes RowBinary primitives to a stream through one reusable buffer; the mirror of {@link RowBinaryInput}. */
public final class RowBinaryOutput {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private final byte[] buf;
    private final char[] chars = new char[128];
    private int pos;

    /** Writes to {@code out} with an 8 KiB buffer. */
    public RowBinaryOutput(OutputStream out) {
        this(out, 8192);
    }

    /** Writes to {@code out} with a buffer of {@code bufferSize} bytes (at least 64). */
    public RowBinaryOutput(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(64, bufferSize)];
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            drain();
        }
    }

    private void drain() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
        } catch (IOException e) {
            throw new ClickHouseTransportException("cannot write RowBinary data", e);
        }
    }

    /** Writes the buffered bytes through and flushes the stream. */
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new ClickHouseTransportException("cannot flush RowBinary data", e);
        }
    }

    /** One byte. */
    public void writeByte(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    /** A little-endian 16-bit integer. */
    public void writeShort(int v) {
        ensure(2);
        SHORT.set(buf, pos, (short) v);
        pos += 2;
    }

    /** A little-endian 32-bit integer. */
    public void writeInt(int v) {
        ensure(4);
        INT.set(buf, pos, v);
        pos += 4;
    }

    /** A little-endian 64-bit integer. */
    public void writeLong(long v) {
        ensure(8);
        LONG.set(buf, pos, v);
        pos += 8;
    }

    /** A little-endian IEEE 754 single. */
    public void writeFloat(float v) {
        writeInt(Float.floatToRawIntBits(v));
    }

    /** A little-endian IEEE 754 double. */
    public void writeDouble(double v) {
        writeLong(Double.doubleToRawLongBits(v));
    }

    /** An unsigned LEB128 number. */
    public void writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    /** Raw bytes. */
    public void writeBytes(byte[] bytes, int off, int len) {
        if (len > buf.length - pos) {
            drain();
            if (len > buf.length) {
                try {
                    out.write(bytes, off, len);
                } catch (IOException e) {
                    throw new ClickHouseTransportException("cannot write RowBinary data", e);
                }
                return;
            }
        }
        System.arraycopy(bytes, off, buf, pos, len);
        pos += len;
    }

    /** Raw bytes. */
    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    /** A length-prefixed byte string. */
    public void writeBinary(byte[] bytes) {
        writeVarLong(bytes.length);
        writeBytes(bytes, 0, bytes.length);
    }

    /**
     * A length-prefixed UTF-8 string, encoded straight into the buffer (no {@code byte[]} per string).
     *
     * @throws ClickHouseSchemaException for an unpaired UTF-16 surrogate, which has no UTF-8 form; nothing of the
     *     string is written then. Bound SQL values follow the same rule: replacing it (with {@code '?'}, as
     *     {@link String#getBytes(java.nio.charset.Charset)} does) would store something the caller never wrote.
     */
    public void writeString(String s) {
        int n = s.length();
        if (n < 128 && n < buf.length) {
            // Short and probably ASCII: the length prefix is then one byte and each char one byte. The loop stores
            // every char and checks once at the end, so it has no branch per char; a non-ASCII string is rewritten.
            if (buf.length - pos <= n) {
                drain();
            }
            byte[] b = buf;
            int p = pos;
            b[p] = (byte) n;
            char[] cs = chars;
            s.getChars(0, n, cs, 0);
            int all = 0;
            for (int i = 0; i < n; i++) {
                char c = cs[i];
                all |= c;
                b[p + 1 + i] = (byte) c;
            }
            if (all < 0x80) {
                pos = p + 1 + n;
                return;
            }
        }
        writeVarLong(utf8Length(s, n));
        writeUtf8(s, n);
    }

    private static long utf8Length(String s, int n) {
        long length = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    length += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    length += 2; // two chars, four bytes
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    length += 2;
                } else {
                    throw unpairedSurrogate(c, i);
                }
            }
        }
        return length;
    }

    private void writeUtf8(String s, int n) {
        byte[] b = buf;
        int p = pos;
        int limit = b.length - 4;
        for (int i = 0; i < n; i++) {
            if (p > limit) {
                pos = p;
                drain();
                p = 0;
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                throw unpairedSurrogate(c, i); // unreachable after utf8Length, kept so no '?' can ever be written
            }
        }
        pos = p;
    }

    /** Checks that {@code s} has a UTF-8 form: no unpaired UTF-16 surrogate. */
    static void checkUtf8(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw unpairedSurrogate(c, i);
            }
        }
    }

    private static ClickHouseSchemaException unpairedSurrogate(char c, int index) {
        return new ClickHouseSchemaException("string has an unpaired UTF-16 surrogate \\u"
                + Integer.toHexString(c) + " at index " + index
                + "; it has no UTF-8 form and is rejected, not replaced");
    }

    /** Convenience for tests and small values: encodes with {@code writer} into a new array. */
    public static byte[] toBytes(java.util.function.Consumer<RowBinaryOutput> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RowBinaryOutput out = new RowBinaryOutput(bytes, 256);
        writer.accept(out);
        out.flush();
        return bytes.toByteArray();
    }
}
