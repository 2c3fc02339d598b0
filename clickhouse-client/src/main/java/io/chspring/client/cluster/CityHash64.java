package io.chspring.client.cluster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * ClickHouse's {@code cityHash64}: CityHash64 of CityHash <b>v1.0.2</b> for strings, and for integer arguments
 * the integer hash ClickHouse uses instead of hashing the value's bytes. Only the one-argument form; several
 * arguments are combined by the server in a way we do not replicate.
 *
 * <p>Every result is checked against a real 18.16 server's {@code cityHash64} in the golden table of
 * {@code tools/distributed-shards}.
 */
final class CityHash64 {

    private static final long K0 = 0xc3a5c85c97cb3127L;
    private static final long K1 = 0xb492b66fbe98f273L;
    private static final long K2 = 0x9ae16a3b2f90404fL;
    private static final long K3 = 0xc949d7c7509e6557L;
    private static final long K_MUL = 0x9ddfea08eb382d69L;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private CityHash64() {
    }

    /**
     * {@code cityHash64(x)} for an integer column: the server hashes the value's bits zero-extended to 64 bits
     * (so an {@code Int8} of -1 hashes like the {@code UInt8} 255) with {@code intHash64(x ^ 0x4CF2D2BAAE6DA887)}
     * ({@code IntHash64Impl} in {@code FunctionsHashing.h}).
     */
    static long ofInteger(long zeroExtendedBits) {
        return intHash64(zeroExtendedBits ^ 0x4CF2D2BAAE6DA887L);
    }

    /** The 64-bit finalizer of MurmurHash3, {@code DB::intHash64}. */
    static long intHash64(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    /** CityHash64 v1.0.2 of {@code s[0, len)}: {@code cityHash64} of a String or FixedString. */
    static long ofBytes(byte[] s, int len) {
        if (len <= 32) {
            return len <= 16 ? hashLen0to16(s, 0, len) : hashLen17to32(s, len);
        }
        if (len <= 64) {
            return hashLen33to64(s, len);
        }
        long x = fetch64(s, 0);
        long y = fetch64(s, len - 16) ^ K1;
        long z = fetch64(s, len - 56) ^ K0;
        // v and w of the reference, the pairs returned by WeakHashLen32WithSeeds, as four locals.
        long[] v = weak(s, len - 64, len, y);
        long v0 = v[0];
        long v1 = v[1];
        long[] w = weak(s, len - 32, len * K1, K0);
        long w0 = w[0];
        long w1 = w[1];
        z += shiftMix(v1) * K1;
        x = rotate(z + x, 39) * K1;
        y = rotate(y, 33) * K1;
        int remaining = (len - 1) & ~63;
        int p = 0;
        do {
            x = rotate(x + y + v0 + fetch64(s, p + 16), 37) * K1;
            y = rotate(y + v1 + fetch64(s, p + 48), 42) * K1;
            x ^= w1;
            y ^= v0;
            z = rotate(z ^ w0, 33);
            v = weak(s, p, v1 * K1, x + w0);
            v0 = v[0];
            v1 = v[1];
            w = weak(s, p + 32, z + w1, y);
            w0 = w[0];
            w1 = w[1];
            long swap = z;
            z = x;
            x = swap;
            p += 64;
            remaining -= 64;
        } while (remaining != 0);
        return hashLen16(hashLen16(v0, w0) + shiftMix(y) * K1 + z, hashLen16(v1, w1) + x);
    }

    private static long hashLen0to16(byte[] s, int off, int len) {
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

    private static long hashLen17to32(byte[] s, int len) {
        long a = fetch64(s, 0) * K1;
        long b = fetch64(s, 8);
        long c = fetch64(s, len - 8) * K2;
        long d = fetch64(s, len - 16) * K0;
        return hashLen16(rotate(a - b, 43) + rotate(c, 30) + d, a + rotate(b ^ K3, 20) - c + len);
    }

    private static long hashLen33to64(byte[] s, int len) {
        long z = fetch64(s, 24);
        long a = fetch64(s, 0) + (len + fetch64(s, len - 16)) * K0;
        long b = rotate(a + z, 52);
        long c = rotate(a, 37);
        a += fetch64(s, 8);
        c += rotate(a, 7);
        a += fetch64(s, 16);
        long vf = a + z;
        long vs = b + rotate(a, 31) + c;
        a = fetch64(s, 16) + fetch64(s, len - 32);
        z = fetch64(s, len - 8);
        b = rotate(a + z, 52);
        c = rotate(a, 37);
        a += fetch64(s, len - 24);
        c += rotate(a, 7);
        a += fetch64(s, len - 16);
        long wf = a + z;
        long ws = b + rotate(a, 31) + c;
        long r = shiftMix((vf + ws) * K2 + (wf + vs) * K0);
        return shiftMix(r * K0 + vs) * K2;
    }

    /** WeakHashLen32WithSeeds(s + p, a, b). */
    private static long[] weak(byte[] s, int p, long a, long b) {
        long w = fetch64(s, p);
        long x = fetch64(s, p + 8);
        long y = fetch64(s, p + 16);
        long z = fetch64(s, p + 24);
        a += w;
        b = rotate(b + a + z, 21);
        long c = a;
        a += x;
        a += y;
        b += rotate(a, 44);
        return new long[] {a + z, b + c};
    }

    private static long hashLen16(long u, long v) {
        long a = (u ^ v) * K_MUL;
        a ^= a >>> 47;
        long b = (v ^ a) * K_MUL;
        b ^= b >>> 47;
        return b * K_MUL;
    }

    private static long shiftMix(long v) {
        return v ^ (v >>> 47);
    }

    private static long rotate(long v, int shift) {
        return Long.rotateRight(v, shift);
    }

    private static long fetch64(byte[] s, int i) {
        return (long) LONG_LE.get(s, i);
    }

    private static long fetch32(byte[] s, int i) {
        return (int) INT_LE.get(s, i) & 0xffffffffL;
    }
}
