package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The appended-error detection on 200 bodies. The old-form text is the one 18.16 appended after 2,949,237 bytes of
 * {@code SELECT throwIf(number = 3000000) FROM system.numbers FORMAT RowBinary} (captured with curl).
 */
class ErrorTailInputStreamTests {

    private static final String OLD = "Code: 395, e.displayText() = DB::Exception: Value passed to 'throwIf' function "
            + "is non zero, e.what() = DB::Exception\n";
    private static final String NEW = "Code: 159. DB::Exception: Timeout exceeded: elapsed 0.01 seconds, maximum: 0.01."
            + " (TIMEOUT_EXCEEDED) (version 24.3.1.1)\n";
    private static final int WINDOW = 1024;

    @Test
    void passesDataThroughUnchangedAtEveryChunkSize() throws IOException {
        byte[] data = randomBytes(10_000);
        for (int chunk : new int[] {1, 7, 100, 1023, 1024, 1025, 4096, 20_000}) {
            assertThat(readAll(stream(data, chunk, false, null), 333)).as("chunk %d", chunk).isEqualTo(data);
        }
    }

    @Test
    void detectsTheOldFormSplitAcrossReads() {
        byte[] body = concat(randomBytes(5_000), OLD.getBytes(StandardCharsets.US_ASCII));
        for (int chunk : new int[] {1, 3, 17, 64, 1000, 8192}) {
            assertThatThrownBy(() -> readAll(stream(body, chunk, false, null), 100))
                    .as("chunk %d", chunk)
                    .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(395);
                        assertThat(e.errorName()).isEqualTo("FUNCTION_THROW_IF_VALUE_IS_NON_ZERO");
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.queryId()).isEqualTo("q1");
                    });
        }
    }

    @Test
    void neverHandsOutTheErrorTextAsData() throws IOException {
        byte[] rows = randomBytes(3_000);
        ErrorTailInputStream in = stream(concat(rows, OLD.getBytes(StandardCharsets.US_ASCII)), 50, false, null);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[64];
        try {
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                seen.write(buf, 0, n);
            }
        } catch (ClickHouseServerException expected) {
            // the consumer saw some of the rows, none of the error text
        }
        assertThat(seen.size()).isLessThanOrEqualTo(rows.length);
        assertThat(seen.toString(StandardCharsets.ISO_8859_1)).doesNotContain("Code: 395");
        assertThatThrownBy(() -> in.read(buf, 0, 1)).isInstanceOf(ClickHouseServerException.class);
    }

    @Test
    void detectsTheNewFormAtABrokenEndAsATimeout() {
        byte[] body = concat(randomBytes(4_000), NEW.getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> readAll(stream(body, 500, true, null), 100))
                .isInstanceOfSatisfying(ClickHouseTimeoutException.class, e -> assertThat(e.errorCode()).isEqualTo(159))
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void detectsTheTaggedBlockOf2511() {
        String tag = "PU1FNUFH98ABCDEF";
        String text = "Code: 395. DB::Exception: boom. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version 25.11.1.1)\n";
        String block = "\r\n__exception__\r\n" + tag + "\r\n" + text + text.length() + " " + tag + "\r\n__exception__\r\n";
        byte[] body = concat(randomBytes(2_000), block.getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> readAll(stream(body, 9, true, tag), 100))
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(395);
                    assertThat(e.serverMessage()).startsWith("DB::Exception: boom.");
                });
    }

    @Test
    void aTaggedBlockWithAnotherTagIsData() throws IOException {
        String text = "Code: 395. DB::Exception: boom. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version 25.11.1.1)\n";
        String block = "\r\n__exception__\r\nAAAA\r\n" + text + text.length() + " AAAA\r\n__exception__\r\n";
        byte[] body = concat(randomBytes(2_000), block.getBytes(StandardCharsets.US_ASCII));

        assertThat(readAll(stream(body, 9, false, "OTHERTAG00000000"), 100)).isEqualTo(body);
    }

    @Test
    void aBrokenBodyWithoutErrorStaysAnIoError() {
        byte[] body = randomBytes(5_000);

        assertThatThrownBy(() -> readAll(stream(body, 100, true, null), 100)).isInstanceOf(IOException.class);
    }

    @Test
    void aSmallBodyNeverGrowsTheBufferToTheWindow() throws IOException {
        byte[] body = randomBytes(3_000);
        ErrorTailInputStream in = new ErrorTailInputStream(new ChunkedSource(body, 8192, false), null,
                e -> HttpErrors.fromTrailing(e, "q1"), ErrorTailInputStream.DEFAULT_WINDOW);

        assertThat(readAll(in, 65_536)).isEqualTo(body);
        // 1 KiB, doubled while full: as far as the body needs
        assertThat(in.bufferSize()).isEqualTo(4 * 1024);

        byte[] count = randomBytes(24);
        ErrorTailInputStream one = new ErrorTailInputStream(new ChunkedSource(count, 8192, false), null,
                e -> HttpErrors.fromTrailing(e, "q1"), ErrorTailInputStream.DEFAULT_WINDOW);
        assertThat(readAll(one, 65_536)).isEqualTo(count);
        assertThat(one.bufferSize()).isEqualTo(1024);
    }

    @Test
    void theBufferGrowsToTwiceTheWindowAndPassesLargeBodiesUnchanged() throws IOException {
        byte[] data = randomBytes(400_000);
        for (int chunk : new int[] {1_000, 8_192, 8_193, 65_536, 200_000}) {
            ErrorTailInputStream in = new ErrorTailInputStream(new ChunkedSource(data, chunk, false), null,
                    e -> HttpErrors.fromTrailing(e, "q1"), ErrorTailInputStream.DEFAULT_WINDOW);
            assertThat(readAll(in, 65_536)).as("chunk %d", chunk).isEqualTo(data);
            assertThat(in.bufferSize()).as("chunk %d", chunk).isEqualTo(128 * 1024);
        }
    }

    @Test
    void anErrorAfterALargeBodyIsFoundWhileTheBufferGrows() {
        // the error lands at every phase of the growth: 1 to 128 KiB buffers
        for (int size : new int[] {100, 9_000, 20_000, 50_000, 100_000, 300_000}) {
            byte[] body = concat(randomBytes(size), OLD.getBytes(StandardCharsets.US_ASCII));
            for (int chunk : new int[] {1_000, 8_192, 70_000}) {
                assertThatThrownBy(() -> readAll(new ErrorTailInputStream(new ChunkedSource(body, chunk, false), null,
                        e -> HttpErrors.fromTrailing(e, "q1"), ErrorTailInputStream.DEFAULT_WINDOW), 4096))
                        .as("%d bytes in chunks of %d", size, chunk)
                        .isInstanceOfSatisfying(ClickHouseServerException.class,
                                e -> assertThat(e.errorCode()).isEqualTo(395));
            }
        }
    }

    @Test
    void codeTextInsideTheDataIsNoError() throws IOException {
        byte[] body = concat(OLD.getBytes(StandardCharsets.US_ASCII), "trailing row\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(readAll(stream(body, 10, false, null), 100)).isEqualTo(body);
    }

    private static ErrorTailInputStream stream(byte[] body, int chunk, boolean breakAtEnd, String tag) {
        return new ErrorTailInputStream(new ChunkedSource(body, chunk, breakAtEnd), tag,
                e -> HttpErrors.fromTrailing(e, "q1"), WINDOW);
    }

    private static byte[] readAll(InputStream in, int bufSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[bufSize];
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Hands out at most {@code chunk} bytes per read, like a socket; optionally ends with a broken-framing error. */
    private static final class ChunkedSource extends InputStream {
        private final byte[] data;
        private final int chunk;
        private final boolean breakAtEnd;
        private int pos;

        ChunkedSource(byte[] data, int chunk, boolean breakAtEnd) {
            this.data = data;
            this.chunk = chunk;
            this.breakAtEnd = breakAtEnd;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == data.length) {
                if (breakAtEnd) {
                    throw new IOException("Premature end of chunk coded message body: closing chunk expected");
                }
                return -1;
            }
            int n = Math.min(Math.min(chunk, len), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
