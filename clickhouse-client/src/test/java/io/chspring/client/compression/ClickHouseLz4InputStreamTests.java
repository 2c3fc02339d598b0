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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decompression of frames a real ClickHouse 18.16.1 server wrote ({@code compressed-sample.bin}: the response
 * to {@code SELECT toUInt64(number >= 131072) * 1234605616436508552 FROM system.numbers LIMIT 131073
 * FORMAT RowBinary} with {@code compress=1}), fed in every kind of chunking, and rejection of damaged input.
 */
class ClickHouseLz4InputStreamTests {

    private static final HexFormat HEX = HexFormat.of();

    /** Size of the first frame of the sample: 16-byte checksum + compressed size 4131. */
    private static final int FIRST_FRAME = 16 + 4131;

    /** Block 2 of the sample: one 8-byte literal-only LZ4 block. */
    private static final byte[] BLOCK_2 = HEX.parseHex(
            "5bbca7e54259b32307e644d2fec07240" + "82" + "12000000" + "08000000" + "80" + "8877665544332211");

    /** A NONE block the server accepted with decompress=1 (shared/clickhouse/MATRIX.md §Compression). */
    private static final byte[] NONE_BLOCK = HEX.parseHex(
            "26351e0d8965e58fe3f12bd477d60fc9" + "02" + "11000000" + "08000000" + "0700000003616263");

    static byte[] sample() throws IOException {
        try (InputStream in = ClickHouseLz4InputStreamTests.class.getResourceAsStream(
                "/golden/compression/compressed-sample.bin")) {
            return in.readAllBytes();
        }
    }

    /** What the SQL says the result is: 131,072 zero UInt64 values, then 1234605616436508552, little-endian. */
    static byte[] expectedSampleOutput() {
        ByteBuffer expected = ByteBuffer.allocate(131_073 * 8).order(ByteOrder.LITTLE_ENDIAN);
        expected.putLong(131_072 * 8, 1234605616436508552L);
        return expected.array();
    }

    private static byte[] decompress(InputStream raw) throws IOException {
        try (ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(raw)) {
            byte[] out = in.readAllBytes();
            assertThat(in.endedAtFrameBoundary()).isTrue();
            return out;
        }
    }

    @Test
    void decompressesTheServersResponse() throws IOException {
        byte[] sample = sample();
        assertThat(sample).hasSize(4181);
        assertThat(decompress(new ByteArrayInputStream(sample))).isEqualTo(expectedSampleOutput());
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 7, 16, 25, 4096, 4147, 4148})
    void decompressesTheServersResponseInFixedChunks(int chunk) throws IOException {
        assertThat(decompress(ChunkedInputStream.fixed(sample(), chunk))).isEqualTo(expectedSampleOutput());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 4181})
    void decompressesTheServersResponseInRandomChunks(long seed) throws IOException {
        Random random = new Random(seed);
        InputStream raw = new ChunkedInputStream(sample(), () -> 1 + random.nextInt(random.nextBoolean() ? 30 : 3000));
        assertThat(decompress(raw)).isEqualTo(expectedSampleOutput());
    }

    @Test
    void decompressesTheServersResponseByteByByteThroughSingleByteReads() throws IOException {
        byte[] expected = expectedSampleOutput();
        try (ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(ChunkedInputStream.fixed(sample(), 1))) {
            for (int i = 0; i < expected.length; i++) {
                assertThat(in.read()).as("byte %d", i).isEqualTo(expected[i] & 0xff);
            }
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
            assertThat(in.endedAtFrameBoundary()).isTrue();
        }
    }

    @Test
    void decompressesTheSmallFrameInEverySplitIntoTwoAndThreeChunks() throws IOException {
        byte[] expected = HEX.parseHex("8877665544332211");
        for (int i = 1; i < BLOCK_2.length; i++) {
            assertThat(decompress(ChunkedInputStream.splits(BLOCK_2, i))).as("split at %d", i).isEqualTo(expected);
            for (int j = 1; i + j < BLOCK_2.length; j++) {
                assertThat(decompress(ChunkedInputStream.splits(BLOCK_2, i, j)))
                        .as("split at %d and %d", i, i + j).isEqualTo(expected);
            }
        }
    }

    @Test
    void decodesUncompressedFrames() throws IOException {
        byte[] two = concat(NONE_BLOCK, BLOCK_2, NONE_BLOCK);
        assertThat(decompress(ChunkedInputStream.fixed(two, 3)))
                .isEqualTo(HEX.parseHex("0700000003616263" + "8877665544332211" + "0700000003616263"));
    }

    @Test
    void emptyInputIsACleanEndWithoutData() throws IOException {
        assertThat(decompress(new ByteArrayInputStream(new byte[0]))).isEmpty();
    }

    @Test
    void framesWithNoDataAreSkipped() throws IOException {
        byte[] empty = frame(CompressedFrame.METHOD_NONE, 0, new byte[0]);
        byte[] emptyLz4 = frame(CompressedFrame.METHOD_LZ4, 0, new byte[1]);
        assertThat(decompress(new ByteArrayInputStream(concat(emptyLz4, empty, BLOCK_2, empty, emptyLz4))))
                .isEqualTo(HEX.parseHex("8877665544332211"));
    }

    @Test
    void rejectsAWrongChecksumNamingBothChecksumsAndTheOffset() throws IOException {
        byte[] data = concat(sample());
        data[FIRST_FRAME + 3] ^= 0x01;
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(data)))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("offset " + FIRST_FRAME)
                .hasMessageContaining("expected 5bbca7e44259b32307e644d2fec07240")
                .hasMessageContaining("actual 5bbca7e54259b32307e644d2fec07240");
    }

    @Test
    void rejectsACorruptedPayload() throws IOException {
        byte[] data = sample();
        data[1000] ^= 0x40;
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(data)))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("checksum mismatch in compressed frame at offset 0")
                .hasMessageContaining("expected dc3470adb7c95151841b50e634054fc7");
    }

    @Test
    void rejectsAStreamCutInsideAFrameAtEveryPosition() throws IOException {
        byte[] data = concat(BLOCK_2, NONE_BLOCK);
        for (int cut = 1; cut < data.length; cut++) {
            if (cut == BLOCK_2.length) {
                continue;
            }
            byte[] prefix = Arrays.copyOf(data, cut);
            int frameStart = cut < BLOCK_2.length ? 0 : BLOCK_2.length;
            assertThatThrownBy(() -> decompress(ChunkedInputStream.fixed(prefix, 5)))
                    .as("cut at %d", cut)
                    .isInstanceOf(ClickHouseCompressionException.class)
                    .hasMessageContaining("truncated")
                    .hasMessageContaining("frame at offset " + frameStart + " ends after " + (cut - frameStart));
        }
        assertThat(decompress(new ByteArrayInputStream(BLOCK_2))).hasSize(8);
    }

    @Test
    void aTruncatedStreamDeliversTheCompleteFramesBeforeFailing() throws IOException {
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(Arrays.copyOf(sample(), FIRST_FRAME + 30))))
                .hasMessage("compressed stream truncated: the frame at offset 4147 ends after 30 of its 34 bytes");
        byte[] data = Arrays.copyOf(sample(), FIRST_FRAME + 20);
        try (ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(new ByteArrayInputStream(data))) {
            assertThat(in.readNBytes(1 << 20)).isEqualTo(new byte[1 << 20]);
            assertThatThrownBy(in::read).isInstanceOf(ClickHouseCompressionException.class)
                    .hasMessage("compressed stream truncated: the frame at offset 4147 ends after 20 of the 25 bytes"
                            + " of its checksum and header");
            assertThat(in.endedAtFrameBoundary()).isFalse();
            assertThatThrownBy(in::read).isInstanceOf(ClickHouseCompressionException.class)
                    .hasMessageStartingWith("compressed stream is unusable after an earlier error");
        }
    }

    @Test
    void rejectsZstdFramesThatAreNotZstd() {
        // ZSTD frames are decoded (FrameCodecTests has the engine's own); eight zero bytes are no zstd frame
        byte[] zstd = frame(CompressedFrame.METHOD_ZSTD, 8, new byte[8]);
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(zstd)))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("malformed ZSTD payload in compressed frame at offset 0");
    }

    @Test
    void rejectsUnknownMethodsShowingTheBytes() {
        byte[] odd = frame((byte) 0x55, 8, new byte[8]);
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(odd)))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("unknown compression method 0x55")
                .hasMessageContaining("starts with 0x");
        byte[] text = "Code: 62, e.displayText() = DB::Exception: Syntax error".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(text)))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("as text: \"Code: 62, e.displayText()\"");
    }

    @Test
    void rejectsAbsurdSizesBeforeReadingThePayload() {
        assertSizeRejected(header(CompressedFrame.METHOD_LZ4, 0x7fff_fff0L, 8), "declares compressed size 2147483632");
        assertSizeRejected(header(CompressedFrame.METHOD_LZ4, 0xffff_ffffL, 8), "declares compressed size 4294967295");
        assertSizeRejected(header(CompressedFrame.METHOD_LZ4, 8, 8), "declares compressed size 8 (header included)");
        assertSizeRejected(header(CompressedFrame.METHOD_LZ4, 20, (1L << 30) + 1), "above the limit of 1073741824");
        assertSizeRejected(header(CompressedFrame.METHOD_LZ4, 20, 11 * 255 + 1), "more than LZ4 can encode");
        assertSizeRejected(header(CompressedFrame.METHOD_LZ4, 9, 0), "more than LZ4 can encode");
        assertSizeRejected(header(CompressedFrame.METHOD_NONE, 20, 12), "declares uncompressed size 12 but carries 11");
    }

    private static void assertSizeRejected(byte[] head, String message) {
        // Only the 25 header bytes exist: the check must fire before any payload is awaited or allocated.
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(head)))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("frame at offset 0")
                .hasMessageContaining(message);
    }

    @Test
    void honoursASmallerBlockLimit() throws IOException {
        assertThatThrownBy(() -> new ClickHouseLz4InputStream(new ByteArrayInputStream(sample()), 1 << 19).read())
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("declares uncompressed size 1048576, above the limit of 524288");
        assertThatThrownBy(() -> new ClickHouseLz4InputStream(InputStream.nullInputStream(), 0))
                .isInstanceOf(ClickHouseConfigurationException.class);
    }

    @Test
    void rejectsAnLz4PayloadThatDoesNotDecodeToTheDeclaredSize() {
        // A valid checksum over a payload that decodes to 8 bytes while the header promises 9, and 7.
        byte[] literal = HEX.parseHex("808877665544332211");
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(frame(CompressedFrame.METHOD_LZ4, 9, literal))))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("at offset 0")
                .hasMessageMatching("(?s).*(decompressed to 8 bytes but the frame declares 9|malformed LZ4 payload).*");
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(frame(CompressedFrame.METHOD_LZ4, 7, literal))))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("malformed LZ4 payload in compressed frame at offset 0");
    }

    @Test
    void rejectsMalformedLz4WithAValidChecksum() {
        // Token: 0 literals, then a match whose offset (0x0100) points before the start of the output.
        byte[] bad = HEX.parseHex("0f0001ff00");
        assertThatThrownBy(() -> decompress(new ByteArrayInputStream(frame(CompressedFrame.METHOD_LZ4, 300, bad))))
                .isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("malformed LZ4 payload in compressed frame at offset 0");
    }

    @Test
    void stopsForGoodAfterAnUnderlyingReadFails() {
        IOException reset = new IOException("connection reset");
        InputStream failing = new InputStream() {
            private int calls;

            @Override
            public int read() throws IOException {
                throw reset;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ == 0) {
                    System.arraycopy(BLOCK_2, 0, b, off, 20);
                    return 20;
                }
                throw reset;
            }
        };
        ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(failing);
        assertThatThrownBy(in::read).isSameAs(reset);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasCause(reset)
                .hasMessageContaining("unusable after an earlier error");
    }

    @Test
    void closesTheUnderlyingStreamAndRefusesReadsAfterwards() throws IOException {
        ChunkedInputStream raw = ChunkedInputStream.fixed(BLOCK_2, 4);
        ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(raw);
        assertThat(in.read()).isEqualTo(0x88);
        assertThat(in.available()).isEqualTo(7);
        in.close();
        in.close();
        assertThat(raw.closed).isTrue();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    /** A frame with a correct checksum (ours; CityHash128Tests proves it against the server). */
    static byte[] frame(byte method, long uncompressedSize, byte[] payload) {
        byte[] head = header(method, CompressedFrame.HEADER_SIZE + payload.length, uncompressedSize);
        byte[] frame = concat(head, payload);
        CityHash128.hash(frame, 16, frame.length - 16, frame, 0);
        return frame;
    }

    static byte[] header(byte method, long compressedSize, long uncompressedSize) {
        ByteBuffer head = ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN);
        head.position(16);
        head.put(method).putInt((int) compressedSize).putInt((int) uncompressedSize);
        return head.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
