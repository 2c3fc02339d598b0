package io.chspring.client.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * CityHash128 exactly as CityHash <b>v1.0.2</b> defines it: the checksum of every ClickHouse compressed frame.
 *
 * <p>ClickHouse pins this old version (namespace {@code CityHash_v1_0_2} in its {@code contrib/cityhash102});
 * CityHash 1.1 and later changed the algorithm, so no general-purpose CityHash library gives the right answer.
 * The result is two 64-bit halves ({@code first}/low, {@code second}/high) that go on the wire little-endian,
 * low half first (ClickHouse writes the {@code uint128} struct as it lies in memory).
 *
 * <p>The code keeps the reference's variable names so it can be checked against it line by line; the pair-valued
 * helpers of the reference are inlined into local variables so hashing allocates nothing.
 */
final class CityHash128 {

    /** Size of the hash in bytes, as it is written in front of each compressed frame. */
    static final int SIZE = 16;

    // Primes between 2^63 and 2^64 from the reference.
    private static final long K0 = 0xc3a5c85c97cb3127L;
    private static final long K1 = 0xb492b66fbe98f273L;
    private static final long K2 = 0x9ae16a3b2f90404fL;
    private static final long K3 = 0xc949d7c7509e6557L;
    private static final long K_MUL = 0x9ddfea08eb382d69L;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private CityHash128() {
    }

    /** Returns the 16 checksum bytes of {@code data[off, off + len)} in wire order. */
    static byte[] hash(byte[] data, int off, int len) {
        byte[] out = new byte[SIZE];
        hash(data, off, len, out, 0);
        return out;
    }

    /** Writes the checksum of {@code data[off, off + len)} in wire order to {@code out[outOff, outOff + 16)}. */
    static void hash(byte[] data, int off, int len, byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, len, data.length);
        Objects.checkFromIndexSize(outOff, SIZE, out.length);
        if (len >= 16) {
            withSeed(data, off + 16, len - 16, fetch64(data, off) ^ K3, fetch64(data, off + 8), out, outOff);
        } else if (len >= 8) {
            withSeed(data, off, 0, fetch64(data, off) ^ (len * K0), fetch64(data, off + len - 8) ^ K1, out, outOff);
        } else {
            withSeed(data, off, len, K0, K1, out, outOff);
        }
    }

    /** CityHash128WithSeed of v1.0.2; {@code seedLow}/{@code seedHigh} are the two halves of the uint128 seed. */
    private static void withSeed(byte[] s, int off, int len, long seedLow, long seedHigh, byte[] out, int outOff) {
        if (len < 128) {
            cityMurmur(s, off, len, seedLow, seedHigh, out, outOff);
            return;
        }
        long x = seedLow;
        long y = seedHigh;
        long z = len * K1;
        long v0 = rotate(y ^ K1, 49) * K1 + fetch64(s, off);
        long v1 = rotate(v0, 42) * K1 + fetch64(s, off + 8);
        long w0 = rotate(y + z, 35) * K1 + x;
        long w1 = rotate(x + fetch64(s, off + 88), 53) * K1;
        int p = off;
        do {
            // The reference unrolls two identical 64-byte rounds per 128 bytes.
            for (int round = 0; round < 2; round++) {
                x = rotate(x + y + v0 + fetch64(s, p + 16), 37) * K1;
                y = rotate(y + v1 + fetch64(s, p + 48), 42) * K1;
                x ^= w1;
                y ^= v0;
                z = rotate(z ^ w0, 33);
                // v = WeakHashLen32WithSeeds(s, v.second * k1, x + w.first)
                long a = v1 * K1 + fetch64(s, p);
                long b = rotate(x + w0 + a + fetch64(s, p + 24), 21);
                long c = a;
                a += fetch64(s, p + 8) + fetch64(s, p + 16);
                b += rotate(a, 44);
                v0 = a + fetch64(s, p + 24);
                v1 = b + c;
                // w = WeakHashLen32WithSeeds(s + 32, z + w.second, y)
                a = z + w1 + fetch64(s, p + 32);
                b = rotate(y + a + fetch64(s, p + 56), 21);
                c = a;
                a += fetch64(s, p + 40) + fetch64(s, p + 48);
                b += rotate(a, 44);
                w0 = a + fetch64(s, p + 56);
                w1 = b + c;
                long swap = z;
                z = x;
                x = swap;
                p += 64;
            }
            len -= 128;
        } while (len >= 128);
        y += rotate(w0, 37) * K0 + z;
        x += rotate(v0 + z, 49) * K0;
        // Up to four 32-byte chunks from the end; they may overlap bytes the loop above already consumed.
        for (int tailDone = 0; tailDone < len; ) {
            tailDone += 32;
            y = rotate(y - x, 42) * K0 + v1;
            w0 += fetch64(s, p + len - tailDone + 16);
            x = rotate(x, 49) * K0 + w0;
            w0 += v0;
            // v = WeakHashLen32WithSeeds(s + len - tail_done, v.first, v.second)
            int t = p + len - tailDone;
            long a = v0 + fetch64(s, t);
            long b = rotate(v1 + a + fetch64(s, t + 24), 21);
            long c = a;
            a += fetch64(s, t + 8) + fetch64(s, t + 16);
            b += rotate(a, 44);
            v0 = a + fetch64(s, t + 24);
            v1 = b + c;
        }
        x = hashLen16(x, v0);
        y = hashLen16(y, w0);
        write(out, outOff, hashLen16(x + v1, w1) + y, hashLen16(x + w1, y + v1));
    }

    /** CityMurmur of v1.0.2: the 128-bit hash for inputs shorter than 128 bytes (after the seed bytes). */
    private static void cityMurmur(byte[] s, int off, int len, long seedLow, long seedHigh, byte[] out, int outOff) {
        long a = seedLow;
        long b = seedHigh;
        long c;
        long d;
        int l = len - 16;
        if (l <= 0) {
            a = shiftMix(a * K1) * K1;
            c = b * K1 + hashLen0to16(s, off, len);
            d = shiftMix(a + (len >= 8 ? fetch64(s, off) : c));
        } else {
            c = hashLen16(fetch64(s, off + len - 8) + K1, a);
            d = hashLen16(b + len, c + fetch64(s, off + len - 16));
            a += d;
            int p = off;
            do {
                a ^= shiftMix(fetch64(s, p) * K1) * K1;
                a *= K1;
                b ^= a;
                c ^= shiftMix(fetch64(s, p + 8) * K1) * K1;
                c *= K1;
                d ^= c;
                p += 16;
                l -= 16;
            } while (l > 0);
        }
        a = hashLen16(a, c);
        b = hashLen16(d, b);
        write(out, outOff, a ^ b, hashLen16(b, a));
    }

    static long hashLen0to16(byte[] s, int off, int len) {
        if (len > 8) {
            long a = fetch64(s, off);
            long b = fetch64(s, off + len - 8);
            return hashLen16(a, rotate(b + len, len)) ^ b;
        }
        if (len >= 4) {
            long a = fetch32(s, off);
            return hashLen16(len + (a << 3), fetch32(s, off + len - 4));
        }
        if (len > 0) {
            long a = s[off] & 0xff;
            long b = s[off + (len >> 1)] & 0xff;
            long c = s[off + len - 1] & 0xff;
            long y = a + (b << 8);
            long z = len + (c << 2);
            return shiftMix(y * K2 ^ z * K3) * K2;
        }
        return K2;
    }

    /** Hash128to64 from the v1.0.2 {@code city.h}: {@code u} is the low half, {@code v} the high half. */
    static long hashLen16(long u, long v) {
        long a = (u ^ v) * K_MUL;
        a ^= a >>> 47;
        long b = (v ^ a) * K_MUL;
        b ^= b >>> 47;
        return b * K_MUL;
    }

    static long shiftMix(long v) {
        return v ^ (v >>> 47);
    }

    static long rotate(long v, int shift) {
        return Long.rotateRight(v, shift);
    }

    static long fetch64(byte[] s, int i) {
        return (long) LONG_LE.get(s, i);
    }

    static long fetch32(byte[] s, int i) {
        return (int) INT_LE.get(s, i) & 0xffffffffL;
    }

    private static void write(byte[] out, int off, long low, long high) {
        LONG_LE.set(out, off, low);
        LONG_LE.set(out, off + 8, high);
    }
}
