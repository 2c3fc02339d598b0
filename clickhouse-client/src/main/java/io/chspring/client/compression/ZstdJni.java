package io.chspring.client.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.chspring.client.ClickHouseCompressionException;
import java.io.IOException;
import java.io.InputStream;

/** The only class that names zstd-jni's; loaded only through {@link io.chspring.client.compression.Zstd}. */
final class ZstdJni {

    private ZstdJni() {
    }

    /** Loads the native library (throws a {@link LinkageError} when it cannot). */
    static void check() {
        Zstd.compressBound(1);
    }

    static int maxCompressedLength(int len) {
        return Math.toIntExact(Zstd.compressBound(len));
    }

    static int compress(byte[] src, int off, int len, byte[] dest, int destOff, int room, int level) {
        long n;
        try {
            n = Zstd.compressByteArray(dest, destOff, room, src, off, len, level);
        } catch (ZstdException e) {
            throw new ClickHouseCompressionException("ZSTD compression of a " + len + "-byte block failed: "
                    + e.getMessage(), e);
        }
        if (Zstd.isError(n)) {
            throw new ClickHouseCompressionException("ZSTD compression of a " + len + "-byte block failed: "
                    + Zstd.getErrorName(n));
        }
        return (int) n;
    }

    static int decompress(byte[] src, int off, int len, byte[] dest, int expected, long frameOffset) {
        // zstd checks every offset against dstCapacity: a payload claiming more than `expected` bytes is an error,
        // not a write past the block.
        long n;
        try {
            n = Zstd.decompressByteArray(dest, 0, expected, src, off, len);
        } catch (ZstdException e) { // newer zstd-jni throws where older ones returned an error code
            throw malformed(frameOffset, len, expected, e.getMessage(), e);
        }
        if (Zstd.isError(n)) {
            throw malformed(frameOffset, len, expected, Zstd.getErrorName(n), null);
        }
        return (int) n;
    }

    private static ClickHouseCompressionException malformed(long frameOffset, int len, int expected, String why,
            Throwable cause) {
        return new ClickHouseCompressionException("malformed ZSTD payload in compressed frame at offset " + frameOffset
                + " (compressed size " + len + ", declared uncompressed size " + expected + "): " + why, cause);
    }

    static InputStream stream(InputStream in) throws IOException {
        return new ZstdInputStreamNoFinalizer(in);
    }
}
