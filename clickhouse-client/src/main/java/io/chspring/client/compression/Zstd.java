package io.chspring.client.compression;

import io.chspring.client.ClickHouseCompressionException;
import io.chspring.client.ClickHouseConfigurationException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one door to {@code com.github.luben:zstd-jni}, an optional dependency: only {@link ZstdJni} names its classes,
 * and it is loaded the first time ZSTD is used, so a client that never picks ZSTD needs no jar. A client that picks it
 * without the jar fails when it is built, with a message saying which dependency to add.
 *
 * <p>Why zstd-jni and not the pure-Java aircompressor: benchmarks/RESULTS.md ("ZSTD library") has the measured speeds
 * on RowBinary bodies; aircompressor also has no compression levels.
 */
final class Zstd {

    /** The Maven coordinates named in the error for a missing jar. */
    static final String ARTIFACT = "com.github.luben:zstd-jni";

    private static volatile Boolean available;

    private Zstd() {
    }

    /** Fails with a clear message when zstd-jni cannot be used. */
    static void require() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
        }
        if (!known) {
            throw new ClickHouseConfigurationException("ZSTD compression needs " + ARTIFACT
                    + " (for example version 1.5.7-21) on the class path; add it to your dependencies, or choose "
                    + "compression LZ4, LZ4HC or NONE");
        }
    }

    private static boolean probe() {
        try {
            ZstdJni.check();
            return true;
        } catch (LinkageError e) { // NOPMD: a missing class or native library both mean "not usable here"
            return false;
        }
    }

    static int maxCompressedLength(int len) {
        return ZstdJni.maxCompressedLength(len);
    }

    static int compress(byte[] src, int off, int len, byte[] dest, int destOff, int room, int level) {
        return ZstdJni.compress(src, off, len, dest, destOff, room, level);
    }

    /** Decompresses a frame's payload into exactly {@code expected} bytes of {@code dest}; returns the count. */
    static int decompress(byte[] src, int off, int len, byte[] dest, int expected, long frameOffset) {
        try {
            require();
        } catch (ClickHouseConfigurationException e) {
            throw new ClickHouseCompressionException("compressed frame at offset " + frameOffset
                    + " uses ZSTD (0x90): " + e.getMessage(), e);
        }
        return ZstdJni.decompress(src, off, len, dest, expected, frameOffset);
    }

    /** A zstd stream (HTTP {@code Content-Encoding: zstd}) decoded. */
    static InputStream stream(InputStream in) throws IOException {
        require();
        return ZstdJni.stream(in);
    }
}
