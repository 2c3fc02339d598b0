package io.chspring.client.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseCompressionException;
import io.chspring.client.ClickHouseConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ZSTD and LZ4HC frames. The golden files were written by a real ClickHouse 26.5 engine (chDB), never by this client:
 * {@code zstd-blocks.bin} is a column file of {@code CODEC(ZSTD(3))} (ClickHouse frames with method 0x90, as the
 * native protocol sends them with {@code network_compression_method=zstd}), {@code zstd-stream.zst} what a server
 * writes for {@code Content-Encoding: zstd}; both hold {@code SELECT number * 7 FROM numbers(200000)} as RowBinary
 * ({@code tools/compression-vectors/zstd_golden.py}). The server-side check of the frames this client makes is
 * {@code CompressionMethodsIntegrationTests} (18.16 verifies each frame's checksum and decodes it).
 */
class FrameCodecTests {

    private static final int ROWS = 200_000;

    /** The RowBinary of {@code number * 7} for {@code number} in [0, 200000): what the query defines. */
    private static byte[] expectedRows() {
        ByteBuffer b = ByteBuffer.allocate(ROWS * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long n = 0; n < ROWS; n++) {
            b.putLong(n * 7);
        }
        return b.array();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FrameCodecTests.class.getResourceAsStream("/golden/compression/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void decodesZstdFramesTheEngineWrote() throws IOException {
        byte[] golden = resource("zstd-blocks.bin");
        assertThat(golden[16]).isEqualTo((byte) 0x90);
        try (InputStream in = new ClickHouseLz4InputStream(new ByteArrayInputStream(golden))) {
            assertThat(in.readAllBytes()).isEqualTo(expectedRows());
        }
        // the same in 1 to 700-byte chunks: frame boundaries never line up with reads
        Random random = new Random(7);
        try (ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(
                new ChunkedInputStream(golden, () -> 1 + random.nextInt(700)))) {
            assertThat(in.readAllBytes()).isEqualTo(expectedRows());
            assertThat(in.endedAtFrameBoundary()).isTrue();
        }
    }

    @Test
    void decodesTheZstdStreamOfAContentEncodingResponse() throws IOException {
        try (InputStream in = Zstd.stream(new ByteArrayInputStream(resource("zstd-stream.zst")))) {
            assertThat(in.readAllBytes()).isEqualTo(expectedRows());
        }
    }

    @Test
    void aDamagedZstdPayloadIsACompressionErrorNotGarbage() throws IOException {
        byte[] golden = resource("zstd-blocks.bin");
        int compressedSize = (int) CompressedFrame.readSize(golden, 17);
        byte[] frame = java.util.Arrays.copyOf(golden, 16 + compressedSize);
        frame[16 + 9] ^= 0x55; // the first byte of the zstd frame's magic number
        // a fresh checksum, so that the damage reaches the ZSTD decoder instead of the checksum test
        CityHash128.hash(frame, 16, compressedSize, frame, 0);
        assertThatThrownBy(() -> new ClickHouseLz4InputStream(new ByteArrayInputStream(frame)).readAllBytes())
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("malformed ZSTD payload in compressed frame at offset 0");
    }

    @ParameterizedTest
    @ValueSource(ints = {-7, 1, 3, 19})
    void zstdFramesRoundTrip(int level) throws IOException {
        roundTrip(FrameCodec.zstd(level), (byte) 0x90);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 17})
    void lz4hcFramesAreLz4OnTheWire(int level) throws IOException {
        roundTrip(FrameCodec.lz4hc(level), (byte) 0x82);
    }

    @Test
    void higherLevelsMakeSmallerBodies() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append("user-").append(i % 997).append("\tpage/").append(i % 113).append("/view\t").append(i).append('\n');
        }
        byte[] rows = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(frameLength(FrameCodec.zstd(9), rows)).isLessThan(frameLength(FrameCodec.zstd(1), rows));
        assertThat(frameLength(FrameCodec.lz4hc(9), rows)).isLessThan(frameLength(FrameCodec.lz4(), rows));
    }

    @Test
    void levelsOutOfRangeAreNamed() {
        assertThatThrownBy(() -> FrameCodec.zstd(23)).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("ZSTD compression level must be between -7 and 22").hasMessageContaining("not 23");
        assertThatThrownBy(() -> FrameCodec.lz4hc(18)).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("LZ4HC compression level must be between 1 and 17").hasMessageContaining("not 18");
        assertThat(FrameCodec.zstd(0)).hasToString("ZSTD(1)");
        assertThat(FrameCodec.lz4hc(0)).hasToString("LZ4HC(9)");
        assertThat(FrameCodec.lz4()).hasToString("LZ4");
    }

    @Test
    void theStreamFramesWithItsCodec() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] rows = expectedRows();
        try (ClickHouseLz4OutputStream out = new ClickHouseLz4OutputStream(wire, 1 << 16, FrameCodec.zstd(3))) {
            out.write(rows);
        }
        byte[] framed = wire.toByteArray();
        assertThat(framed[16]).isEqualTo((byte) 0x90);
        try (InputStream in = new ClickHouseLz4InputStream(new ByteArrayInputStream(framed))) {
            assertThat(in.readAllBytes()).isEqualTo(rows);
        }
    }

    private static int frameLength(FrameCodec codec, byte[] data) {
        byte[] dest = new byte[codec.maxFrameLength(data.length)];
        return codec.frame(data, 0, data.length, dest, 0);
    }

    private static void roundTrip(FrameCodec codec, byte method) throws IOException {
        byte[] rows = expectedRows();
        byte[] dest = new byte[codec.maxFrameLength(rows.length)];
        int n = codec.frame(rows, 0, rows.length, dest, 0);
        assertThat(dest[16]).isEqualTo(method);
        assertThat(n).isLessThan(rows.length);
        try (InputStream in = new ClickHouseLz4InputStream(new ByteArrayInputStream(dest, 0, n))) {
            assertThat(in.readAllBytes()).isEqualTo(rows);
        }
    }
}
