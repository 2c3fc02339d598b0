package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.rowbinary.RowBinaryInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.BitSet;

/**
 * The byte source of the block reader: RowBinary's primitives (Native writes single values the same way) plus bulk
 * reads of whole little-endian arrays. A bulk read copies the stream through one scratch buffer and converts it
 * with the JDK's buffer views, which compile to plain memory copies: no per-value call, no per-value bounds check
 * against the stream buffer.
 */
final class NativeInput {

    private static final int SCRATCH = 64 * 1024;

    private final RowBinaryInput in;
    private final byte[] scratch = new byte[SCRATCH];
    private final ByteBuffer bytes = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN);
    private final LongBuffer longs = bytes.asLongBuffer();
    private final IntBuffer ints = bytes.asIntBuffer();
    private final ShortBuffer shorts = bytes.asShortBuffer();
    private final DoubleBuffer doubles = bytes.asDoubleBuffer();
    private final FloatBuffer floats = bytes.asFloatBuffer();

    NativeInput(RowBinaryInput in) {
        this.in = in;
    }

    RowBinaryInput raw() {
        return in;
    }

    /** A count written as a little-endian UInt64 (array offsets, LowCardinality sizes), checked to fit an array. */
    int readCount(String what) {
        long n = in.readLong();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new ClickHouseTransportException("malformed Native data: " + what + " " + Long.toUnsignedString(n)
                    + " at byte " + in.position() + " is too large for a Java array");
        }
        return (int) n;
    }

    byte[] readBytes(int n) {
        byte[] out = new byte[n];
        in.readFully(out, 0, n);
        return out;
    }

    long[] readLongs(int n) {
        long[] out = new long[n];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, SCRATCH / 8);
            in.readFully(scratch, 0, k * 8);
            longs.get(0, out, done, k);
            done += k;
        }
        return out;
    }

    int[] readInts(int n) {
        int[] out = new int[n];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, SCRATCH / 4);
            in.readFully(scratch, 0, k * 4);
            ints.get(0, out, done, k);
            done += k;
        }
        return out;
    }

    short[] readShorts(int n) {
        short[] out = new short[n];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, SCRATCH / 2);
            in.readFully(scratch, 0, k * 2);
            shorts.get(0, out, done, k);
            done += k;
        }
        return out;
    }

    double[] readDoubles(int n) {
        double[] out = new double[n];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, SCRATCH / 8);
            in.readFully(scratch, 0, k * 8);
            doubles.get(0, out, done, k);
            done += k;
        }
        return out;
    }

    float[] readFloats(int n) {
        float[] out = new float[n];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, SCRATCH / 4);
            in.readFully(scratch, 0, k * 4);
            floats.get(0, out, done, k);
            done += k;
        }
        return out;
    }

    /** {@code n} unsigned bytes (UInt8, a null map, Variant discriminators) widened to int. */
    int[] readUnsignedBytes(int n) {
        int[] out = new int[n];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, SCRATCH);
            in.readFully(scratch, 0, k);
            for (int i = 0; i < k; i++) {
                out[done + i] = scratch[i] & 0xFF;
            }
            done += k;
        }
        return out;
    }

    /** A null map: one byte per row, non-zero for NULL. */
    BitSet readNullMap(int n) {
        BitSet nulls = new BitSet(n);
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, SCRATCH);
            in.readFully(scratch, 0, k);
            for (int i = 0; i < k; i++) {
                if (scratch[i] != 0) {
                    nulls.set(done + i);
                }
            }
            done += k;
        }
        return nulls;
    }
}
