package io.chspring.client.compression;

import com.github.luben.zstd.Zstd;
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
        long n = Zstd.compressByteArray(dest, destOff, room, src, off, len, level);
        if (Zstd.isError(n)) {
            throw new ClickHouseCompressionException("ZSTD compression of a " + len + "-byte block failed: "
                    + Zstd.getErrorName(n));
        }
        return (int) n;
    }

    static int decompress(byte[] src, int off, int len, byte[] dest, int expected, long frameOffset) {
        // zstd checks every offset against dstCapacity: a payload claiming more than `expected` bytes is an error,
        // not a write past the block.
        long n = Zstd.decompressByteArray(dest, 0, expected, src, off, len);
        if (Zstd.isError(n)) {
            throw new ClickHouseCompressionException("malformed ZSTD payload in compressed frame at offset "
                    + frameOffset + " (compressed size " + len + ", declared uncompressed size " + expected + "): "
                    + Zstd.getErrorName(n));
        }
        return (int) n;
    }

    static InputStream stream(InputStream in) throws IOException {
        return new ZstdInputStreamNoFinalizer(in);
    }
}
