package io.chspring.client.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseCompressionException;
import io.chspring.client.ClickHouseConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Framing of request bodies: block boundaries, flush and finish semantics, and round trips through
 * {@link ClickHouseLz4InputStream}. The checksum is the one {@link CityHash128Tests} proves against the server;
 * the server accepting these frames was checked by hand (see the compression work's report).
 */
class ClickHouseLz4OutputStreamTests {

    private static final int BLOCK = 1024;

    /** One parsed frame (its checksum already verified by {@link #frames}). */
    record Frame(byte method, int compressedSize, int uncompressedSize) {
    }

    static List<Frame> frames(byte[] body) {
        List<Frame> frames = new ArrayList<>();
        int p = 0;
        while (p < body.length) {
            int compressed = (int) CompressedFrame.readSize(body, p + 17);
            int uncompressed = (int) CompressedFrame.readSize(body, p + 21);
            assertThat(CityHash128.hash(body, p + 16, compressed)).as("checksum of frame at %d", p)
                    .isEqualTo(Arrays.copyOfRange(body, p, p + 16));
            frames.add(new Frame(body[p + 16], compressed, uncompressed));
            p += 16 + compressed;
        }
        assertThat(p).isEqualTo(body.length);
        return frames;
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static byte[] compress(byte[] data, int blockSize, int writeChunk) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (ClickHouseLz4OutputStream out = new ClickHouseLz4OutputStream(body, blockSize)) {
            for (int off = 0; off < data.length; off += writeChunk) {
                int n = Math.min(writeChunk, data.length - off);
                if (n == 1) {
                    out.write(data[off]);
                } else {
                    out.write(data, off, n);
                }
            }
        }
        return body.toByteArray();
    }

    static byte[] decompress(byte[] body, int readChunk) throws IOException {
        try (ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(ChunkedInputStream.fixed(body, readChunk))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 2, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK - 1, 2 * BLOCK, 2 * BLOCK + 1, 10 * BLOCK + 7})
    void roundTripsSizesAroundBlockBoundaries(int size) throws IOException {
        for (byte[] data : List.of(random(size, size), new byte[size])) {
            for (int writeChunk : new int[] {1, 7, BLOCK - 1, BLOCK, 3 * BLOCK + 5}) {
                byte[] body = compress(data, BLOCK, writeChunk);
                assertThat(decompress(body, 13)).as("write chunk %d", writeChunk).isEqualTo(data);
                List<Frame> frames = frames(body);
                assertThat(frames).hasSize((size + BLOCK - 1) / BLOCK);
                for (int i = 0; i < frames.size(); i++) {
                    Frame frame = frames.get(i);
                    assertThat(frame.method()).isEqualTo(CompressedFrame.METHOD_LZ4);
                    int expected = i < frames.size() - 1 || size % BLOCK == 0 ? BLOCK : size % BLOCK;
                    assertThat(frame.uncompressedSize()).as("frame %d", i).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void compressesRedundantDataAndBarelyExpandsRandomData() throws IOException {
        byte[] zeros = compress(new byte[3 << 20], ClickHouseLz4OutputStream.DEFAULT_BLOCK_SIZE, 65536);
        byte[] noise = compress(random(3 << 20, 7), ClickHouseLz4OutputStream.DEFAULT_BLOCK_SIZE, 65536);
        assertThat(frames(zeros)).hasSize(3).allSatisfy(f -> assertThat(f.uncompressedSize()).isEqualTo(1 << 20));
        assertThat(zeros.length).isLessThan(3 * 5000);
        assertThat(noise.length).isBetween(3 << 20, (3 << 20) + 3 * (16 + 9 + (1 << 20) / 255 + 16));
        assertThat(decompress(zeros, 1 << 16)).isEqualTo(new byte[3 << 20]);
        assertThat(decompress(noise, 1 << 16)).isEqualTo(random(3 << 20, 7));
    }

    @Test
    void flushSendsThePendingPartialBlock() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ClickHouseLz4OutputStream out = new ClickHouseLz4OutputStream(body, BLOCK);
        out.write(new byte[10]);
        assertThat(body.size()).isZero();
        out.flush();
        assertThat(frames(body.toByteArray())).extracting(Frame::uncompressedSize).containsExactly(10);
        out.flush();
        assertThat(frames(body.toByteArray())).as("no empty frames").hasSize(1);
        out.write(random(BLOCK + 5, 1));
        out.finish();
        assertThat(frames(body.toByteArray())).extracting(Frame::uncompressedSize).containsExactly(10, BLOCK, 5);
    }

    @Test
    void finishKeepsTheUnderlyingStreamOpenAndCloseClosesIt() throws IOException {
        TrackingStream target = new TrackingStream();
        ClickHouseLz4OutputStream out = new ClickHouseLz4OutputStream(target, BLOCK);
        out.write(new byte[] {1, 2, 3});
        out.finish();
        assertThat(target.closed).isFalse();
        assertThat(target.flushes).isEqualTo(1);
        out.write(4);
        out.close();
        out.close();
        assertThat(target.closed).isTrue();
        assertThat(decompress(target.toByteArray(), 1)).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> out.write(5)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(out::flush).isInstanceOf(IOException.class);
    }

    @Test
    void closeClosesTheUnderlyingStreamEvenWhenTheLastFrameFails() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void close() throws IOException {
                throw new IOException("close failed too");
            }
        };
        ClickHouseLz4OutputStream out = new ClickHouseLz4OutputStream(failing, BLOCK);
        assertThatThrownBy(() -> {
            out.write(1);
            out.close();
        }).isInstanceOf(IOException.class).hasMessage("connection reset")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void rejectsBlockSizesOutOfRange() {
        OutputStream sink = OutputStream.nullOutputStream();
        assertThatThrownBy(() -> new ClickHouseLz4OutputStream(sink, 0))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new ClickHouseLz4OutputStream(sink, ClickHouseLz4OutputStream.MAX_BLOCK_SIZE + 1))
                .isInstanceOf(ClickHouseConfigurationException.class);
    }

    @Test
    void aDamagedBodyIsCaughtByTheReader() throws IOException {
        byte[] body = compress(random(5000, 3), BLOCK, 100);
        body[body.length - 1] ^= 1;
        assertThatThrownBy(() -> decompress(body, 100)).isInstanceOf(ClickHouseCompressionException.class)
                .hasMessageContaining("checksum mismatch");
    }

    /** Records flushes and close, keeps the bytes. */
    static final class TrackingStream extends ByteArrayOutputStream {
        boolean closed;
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
