package io.chspring.client.insert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.compression.ClickHouseLz4InputStream;
import io.chspring.client.compression.ClickHouseLz4OutputStream;
import io.chspring.client.transport.TestSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-off between a writing thread and the body thread, plain and LZ4-framed. */
class RowPipeTests {

    /** Rows of 1 to 400 bytes, compressible, some bytes random; about {@code total} bytes in all. */
    private static byte[] payload(int total, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[total];
        for (int i = 0; i < total; i++) {
            bytes[i] = (byte) (i % 13 == 0 ? random.nextInt() : 'a' + i % 5);
        }
        return bytes;
    }

    /** Writes {@code payload} through the pipe in rows of varying size while another thread drains it. */
    private static byte[] transfer(RowPipe pipe, byte[] payload, TestSink body) throws Exception {
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try {
                pipe.writeTo(body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Random sizes = new Random(1);
        int off = 0;
        while (off < payload.length) {
            int n = Math.min(payload.length - off, 1 + sizes.nextInt(400));
            if (n == 1) {
                pipe.write(payload[off]);
            } else {
                pipe.write(payload, off, n);
            }
            off += n;
        }
        pipe.finish();
        reader.get(30, TimeUnit.SECONDS);
        return body.bytes();
    }

    private static byte[] decompressed(byte[] frames) throws IOException {
        try (ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(new ByteArrayInputStream(frames))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aFramedPipeSendsFramesOfAtMostOneBlockThatDecompressToTheRows() throws Exception {
        int block = ClickHouseLz4OutputStream.DEFAULT_BLOCK_SIZE;
        for (int total : new int[] {0, 1, 1000, block, 3 * block + 12_345}) {
            byte[] payload = payload(total, total);
            RowPipe pipe = new RowPipe(true);
            TestSink sink = TestSink.compressed();

            byte[] frames = transfer(pipe, payload, sink);

            assertThat(decompressed(frames)).as("%d bytes", total).isEqualTo(payload);
            assertThat(sink.framedPlainBytes()).isEqualTo(total);
            int frameCount = 0;
            for (int at = 0; at < frames.length; frameCount++) {
                long compressedSize = frames[at + 17] & 0xffL | (frames[at + 18] & 0xffL) << 8
                        | (frames[at + 19] & 0xffL) << 16 | (frames[at + 20] & 0xffL) << 24;
                long uncompressedSize = frames[at + 21] & 0xffL | (frames[at + 22] & 0xffL) << 8
                        | (frames[at + 23] & 0xffL) << 16 | (frames[at + 24] & 0xffL) << 24;
                assertThat(uncompressedSize).isBetween(1L, (long) block);
                at += 16 + (int) compressedSize;
            }
            assertThat(frameCount).as("frames of %d bytes", total).isEqualTo((total + block - 1) / block);
            if (total > block) {
                assertThat(frames.length).as("compressed").isLessThan(total / 2);
            }
        }
    }

    @Test
    void aFramedPipeRefusesABodyThatIsNotCompressedInsteadOfDecompressing() throws Exception {
        RowPipe pipe = new RowPipe(true);
        pipe.write(payload(100, 5), 0, 100);
        pipe.finish();

        assertThatThrownBy(() -> pipe.writeTo(TestSink.uncompressed())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not compressed");
    }

    @Test
    void aPlainPipeWritesTheRowsAsTheyAreAndTheSinkFramesThemWhenTheBodyIsCompressed() throws Exception {
        byte[] payload = payload(5 * RowPipe.CHUNK + 3, 9);
        RowPipe pipe = new RowPipe(false);

        assertThat(transfer(pipe, payload, TestSink.uncompressed())).isEqualTo(payload);
        assertThat(pipe.framed()).isFalse();
        assertThat(decompressed(transfer(new RowPipe(false), payload, TestSink.compressed()))).isEqualTo(payload);
    }

    @Test
    void anAbortedPipeFailsTheBodySoTheServerSeesNoEnd() throws Exception {
        for (boolean framed : new boolean[] {false, true}) {
            RowPipe pipe = new RowPipe(framed);
            pipe.write(payload(100, 1), 0, 100);
            pipe.abort();

            assertThatThrownBy(() -> pipe.writeTo(framed ? TestSink.compressed() : TestSink.uncompressed()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("closed without end()");
        }
    }

    @Test
    void aWriterFailsOnceTheRequestEndedInsteadOfWaitingForever() {
        for (boolean framed : new boolean[] {false, true}) {
            RowPipe pipe = new RowPipe(framed);
            IOException cause = new IOException("connection reset");
            pipe.readerDone(cause);
            byte[] payload = payload(ClickHouseLz4OutputStream.DEFAULT_BLOCK_SIZE, 3);

            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    pipe.write(payload, 0, payload.length);
                }
            }).isInstanceOf(ClickHouseTransportException.class).hasMessageContaining("ended before all rows were sent")
                    .hasCause(cause);
        }
    }
}
