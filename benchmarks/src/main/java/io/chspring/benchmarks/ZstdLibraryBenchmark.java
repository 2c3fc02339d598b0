package io.chspring.benchmarks;

import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.rowbinary.RowBinaryOutput;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The ZSTD library choice (issue 19): zstd-jni (JNI over the reference C library) against aircompressor (pure Java),
 * compressing and decompressing one 1 MiB block of the benchmark's RowBinary rows ({@link Dataset}), the unit the
 * client frames a request body in. Time per block; MB/s = 1.048576 / (ms per op) * 1000. LZ4 (the default) for scale.
 * aircompressor has one fixed level (3), so zstd-jni is measured at 1 (ClickHouse's default) and 3.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ZstdLibraryBenchmark {

    static final int BLOCK = 1 << 20;

    @Param({"1", "3"})
    public int level;

    private byte[] block;
    private byte[] dest;
    private byte[] zstdJniFrame;
    private int zstdJniLength;
    private byte[] airFrame;
    private int airLength;
    private byte[] plain;
    private final io.airlift.compress.zstd.ZstdCompressor airCompressor = new io.airlift.compress.zstd.ZstdCompressor();
    private final io.airlift.compress.zstd.ZstdDecompressor airDecompressor =
            new io.airlift.compress.zstd.ZstdDecompressor();
    private final LZ4Compressor lz4 = LZ4Factory.safeInstance().fastCompressor();

    @Setup
    public void setUp() {
        MappedRowEncoder<Event> encoder = Codecs.ourEncoder();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        RowBinaryOutput out = new RowBinaryOutput(all);
        for (long i = 0; all.size() < BLOCK; i++) {
            encoder.write(out, Dataset.event(i));
            out.flush();
        }
        block = Arrays.copyOf(all.toByteArray(), BLOCK);
        dest = new byte[(int) com.github.luben.zstd.Zstd.compressBound(BLOCK) + 1024];
        plain = new byte[BLOCK];
        zstdJniFrame = new byte[dest.length];
        zstdJniLength = (int) com.github.luben.zstd.Zstd.compressByteArray(zstdJniFrame, 0, zstdJniFrame.length, block, 0,
                BLOCK, level);
        airFrame = new byte[airCompressor.maxCompressedLength(BLOCK)];
        airLength = airCompressor.compress(block, 0, BLOCK, airFrame, 0, airFrame.length);
        System.out.printf("%n[sizes] level %d: zstd-jni %d, aircompressor (level 3) %d, lz4 %d bytes of %d%n", level,
                zstdJniLength, airLength, lz4.compress(block, 0, BLOCK, new byte[lz4.maxCompressedLength(BLOCK)], 0), BLOCK);
    }

    @Benchmark
    public long zstdJniCompress() {
        return com.github.luben.zstd.Zstd.compressByteArray(dest, 0, dest.length, block, 0, BLOCK, level);
    }

    @Benchmark
    public long zstdJniDecompress() {
        return com.github.luben.zstd.Zstd.decompressByteArray(plain, 0, BLOCK, zstdJniFrame, 0, zstdJniLength);
    }

    @Benchmark
    public int aircompressorCompress() {
        return airCompressor.compress(block, 0, BLOCK, dest, 0, dest.length);
    }

    @Benchmark
    public int aircompressorDecompress() {
        return airDecompressor.decompress(airFrame, 0, airLength, plain, 0, BLOCK);
    }

    @Benchmark
    public int lz4Compress() {
        return lz4.compress(block, 0, BLOCK, dest, 0, dest.length);
    }
}
