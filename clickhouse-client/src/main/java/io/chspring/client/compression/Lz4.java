package io.chspring.client.compression;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The LZ4 block codec both streams share (plain LZ4 blocks: ClickHouse's method 0x82 carries no LZ4 frame
 * header and no length prefix; the sizes are in the ClickHouse frame header).
 *
 * <p>Why {@link LZ4Factory#safeInstance()}: the pure-Java, bounds-checked implementation. The JNI instance ({@code
 * fastestInstance()}) extracts and loads a native library, and the old {@code org.lz4} artifact's JNI, {@code
 * Unsafe} and "fast" decompressor paths are what CVE-2025-12183 (out-of-bounds access on crafted input) was about;
 * the at.yawk.lz4 fork (1.13.0) deprecates {@code unsafeInstance()}, which now hands out the safe Java classes
 * anyway, and the {@code *InsecureInstance()} factories. Decompression uses the <em>safe</em> decompressor: it
 * never writes past the destination length we give it (the declared size) and returns how many bytes it produced,
 * which we compare with the declared size, instead of trusting the header as the "fast" decompressor does. The
 * fork's 1.10.1 fix for CVE-2025-66566 (stale bytes of a reused output buffer leaking through crafted matches)
 * matters here because the input stream reuses its output buffer; 1.13.0 has it.
 */
final class Lz4 {

    private static final LZ4Factory FACTORY = LZ4Factory.safeInstance();

    /** The compressor: fast LZ4 (level 1), what ClickHouse itself uses for method 0x82 by default. */
    static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();

    /** The bounds-checked decompressor. */
    static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();

    private Lz4() {
    }
}
