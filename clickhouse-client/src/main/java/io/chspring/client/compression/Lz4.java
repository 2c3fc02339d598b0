package io.chspring.client.compression;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LZ4 block codec both streams share (plain LZ4 blocks: ClickHouse's method 0x82 carries no LZ4 frame
 * header and no length prefix; the sizes are in the ClickHouse frame header).
 *
 * <p>Decompression always uses {@link LZ4Factory#safeInstance()}: the pure-Java, bounds-checked implementation. The
 * old {@code org.lz4} artifact's JNI, {@code Unsafe} and "fast" decompressor paths are what CVE-2025-12183
 * (out-of-bounds access on crafted input) was about; the at.yawk.lz4 fork (1.13.0) deprecates {@code
 * unsafeInstance()}, which now hands out the safe Java classes anyway, and the {@code *InsecureInstance()} factories.
 * Decompression uses the <em>safe</em> decompressor: it never writes past the destination length we give it (the
 * declared size) and returns how many bytes it produced, which we compare with the declared size, instead of trusting
 * the header as the "fast" decompressor does. The fork's 1.10.1 fix for CVE-2025-66566 (stale bytes of a reused
 * output buffer leaking through crafted matches) matters here because the input stream reuses its output buffer;
 * 1.13.0 has it.
 *
 * <p>Compression reads only bytes this client encoded, into a buffer sized by {@code maxCompressedLength}, so the
 * crafted-input CVEs do not apply; it uses the JNI compressor when its native library loads (about 2-3x the pure-Java
 * compressor's speed on this client's insert bodies, which made compression the largest cost of an LZ4 insert) and
 * the pure-Java one otherwise. System property {@value #COMPRESSOR_PROPERTY}{@code =java} forces the pure-Java
 * compressor, for platforms where loading a native library (extracted to the temporary directory) is unwanted. Both
 * write standard LZ4 blocks that the server decodes alike.
 */
final class Lz4 {

    /** System property: {@code java} forces the pure-Java compressor; anything else lets the JNI one be tried. */
    static final String COMPRESSOR_PROPERTY = "chspring.lz4.compressor";

    private static final Logger LOG = LoggerFactory.getLogger(Lz4.class);
    private static final LZ4Factory FACTORY = LZ4Factory.safeInstance();

    /** The bounds-checked decompressor. */
    static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();

    private Lz4() {
    }

    /**
     * The compressor: fast LZ4 (level 1), what ClickHouse itself uses for method 0x82 by default. Chosen on the first
     * call (a holder class), so a client that never compresses never loads the native library.
     */
    static LZ4Compressor compressor() {
        return Fast.COMPRESSOR;
    }

    /** An LZ4HC compressor at {@code level}, JNI or Java on the same terms as {@link #compressor()}. */
    static LZ4Compressor highCompressor(int level) {
        if (!"java".equalsIgnoreCase(System.getProperty(COMPRESSOR_PROPERTY, ""))) {
            try {
                return LZ4Factory.nativeInstance().highCompressor(level);
            } catch (Throwable e) { // NOPMD: as in fastCompressor()
                LOG.debug("native LZ4HC compressor unavailable; using the pure-Java one", e);
            }
        }
        return FACTORY.highCompressor(level);
    }

    private static LZ4Compressor fastCompressor() {
        if (!"java".equalsIgnoreCase(System.getProperty(COMPRESSOR_PROPERTY, ""))) {
            try {
                return LZ4Factory.nativeInstance().fastCompressor();
            } catch (Throwable e) { // NOPMD: any linkage failure (no library for this platform, noexec tmp) means Java
                LOG.debug("native LZ4 compressor unavailable; using the pure-Java one", e);
            }
        }
        return FACTORY.fastCompressor();
    }

    /** Holds the fast compressor until first use. */
    private static final class Fast {

        static final LZ4Compressor COMPRESSOR = fastCompressor();

        private Fast() {
        }
    }
}
