package io.chspring.client.compression;

/**
 * ClickHouse's {@code cityHash64}: CityHash64 of CityHash <b>v1.0.2</b> for strings, and for integer arguments
 * the integer hash ClickHouse uses instead of hashing the value's bytes. Only the one-argument form; several
 * arguments are combined by the server in a way we do not replicate.
 *
 * <p>Every result is checked against a real 18.16 server's {@code cityHash64} in the golden table of
 * {@code tools/distributed-shards}.
 */
public final class CityHash64 {

    private static final long K0 = 0xc3a5c85c97cb3127L;
    private static final long K1 = 0xb492b66fbe98f273L;
    private static final long K2 = 0x9ae16a3b2f90404fL;
    private static final long K3 = 0xc949d7c7509e6557L;
    private static final long K_MUL = 0x9ddfea08eb382d69L;


    private CityHash64() {
    }

    /**
     * {@code cityHash64(x)} for an integer column: the server hashes the value's bits zero-extended to 64 bits
     * (so an {@code Int8} of -1 hashes like the {@code UInt8} 255) with {@code intHash64(x ^ 0x4CF2D2BAAE6DA887)}
     * ({@code IntHash64Impl} in {@code FunctionsHashing.h}).
     */
    public static long ofInteger(long zeroExtendedBits) {
        return intHash64(zeroExtendedBits ^ 0x4CF2D2BAAE6DA887L);
    }

    /** The 64-bit finalizer of MurmurHash3, {@code DB::intHash64}. */
    public static long intHash64(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    /** CityHash64 v1.0.2 of {@code s[0, len)}: {@code cityHash64} of a String or FixedString. */
    public static long ofBytes(byte[] s, int len) {
        if (len <= 32) {
            return len <= 16 ? CityHash128.hashLen0to16(s, 0, len) : hashLen17to32(s, len);
        }
        if (len <= 64) {
            return hashLen33to64(s, len);
        }
        long x = CityHash128.fetch64(s, 0);
        long y = CityHash128.fetch64(s, len - 16) ^ K1;
        long z = CityHash128.fetch64(s, len - 56) ^ K0;
        // v and w of the reference, the pairs returned by WeakHashLen32WithSeeds, as four locals.
        long[] v = weak(s, len - 64, len, y);
        long v0 = v[0];
        long v1 = v[1];
        long[] w = weak(s, len - 32, len * K1, K0);
        long w0 = w[0];
        long w1 = w[1];
        z += CityHash128.shiftMix(v1) * K1;
        x = CityHash128.rotate(z + x, 39) * K1;
        y = CityHash128.rotate(y, 33) * K1;
        int remaining = (len - 1) & ~63;
        int p = 0;
        do {
            x = CityHash128.rotate(x + y + v0 + CityHash128.fetch64(s, p + 16), 37) * K1;
            y = CityHash128.rotate(y + v1 + CityHash128.fetch64(s, p + 48), 42) * K1;
            x ^= w1;
            y ^= v0;
            z = CityHash128.rotate(z ^ w0, 33);
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
        return CityHash128.hashLen16(CityHash128.hashLen16(v0, w0) + CityHash128.shiftMix(y) * K1 + z, CityHash128.hashLen16(v1, w1) + x);
    }


    private static long hashLen17to32(byte[] s, int len) {
        long a = CityHash128.fetch64(s, 0) * K1;
        long b = CityHash128.fetch64(s, 8);
        long c = CityHash128.fetch64(s, len - 8) * K2;
        long d = CityHash128.fetch64(s, len - 16) * K0;
        return CityHash128.hashLen16(CityHash128.rotate(a - b, 43) + CityHash128.rotate(c, 30) + d, a + CityHash128.rotate(b ^ K3, 20) - c + len);
    }

    private static long hashLen33to64(byte[] s, int len) {
        long z = CityHash128.fetch64(s, 24);
        long a = CityHash128.fetch64(s, 0) + (len + CityHash128.fetch64(s, len - 16)) * K0;
        long b = CityHash128.rotate(a + z, 52);
        long c = CityHash128.rotate(a, 37);
        a += CityHash128.fetch64(s, 8);
        c += CityHash128.rotate(a, 7);
        a += CityHash128.fetch64(s, 16);
        long vf = a + z;
        long vs = b + CityHash128.rotate(a, 31) + c;
        a = CityHash128.fetch64(s, 16) + CityHash128.fetch64(s, len - 32);
        z = CityHash128.fetch64(s, len - 8);
        b = CityHash128.rotate(a + z, 52);
        c = CityHash128.rotate(a, 37);
        a += CityHash128.fetch64(s, len - 24);
        c += CityHash128.rotate(a, 7);
        a += CityHash128.fetch64(s, len - 16);
        long wf = a + z;
        long ws = b + CityHash128.rotate(a, 31) + c;
        long r = CityHash128.shiftMix((vf + ws) * K2 + (wf + vs) * K0);
        return CityHash128.shiftMix(r * K0 + vs) * K2;
    }

    /** WeakHashLen32WithSeeds(s + p, a, b). */
    private static long[] weak(byte[] s, int p, long a, long b) {
        long w = CityHash128.fetch64(s, p);
        long x = CityHash128.fetch64(s, p + 8);
        long y = CityHash128.fetch64(s, p + 16);
        long z = CityHash128.fetch64(s, p + 24);
        a += w;
        b = CityHash128.rotate(b + a + z, 21);
        long c = a;
        a += x;
        a += y;
        b += CityHash128.rotate(a, 44);
        return new long[] {a + z, b + c};
    }





}
