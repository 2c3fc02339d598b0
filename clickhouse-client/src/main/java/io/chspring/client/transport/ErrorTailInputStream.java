package io.chspring.client.transport;

import io.chspring.client.ClickHouseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * Holds back the last {@code window} bytes of a response body so that an error the server appended after the rows
 * (see {@link TrailingError}) is never handed out as data. At the end of the body, or when the body breaks off
 * with an I/O error, the held-back tail is checked: an error there is thrown instead of the tail.
 *
 * <p>Memory is bounded by {@code 2 * window}. The price is latency: a consumer sees a byte only once
 * {@code window} more bytes have arrived or the body has ended.
 *
 * <p>The buffer starts at {@link #INITIAL_BUFFER} and doubles only while a body keeps it full, up to
 * {@code 2 * window}: most responses (a few rows, a count, an error) are far smaller than the window, and a
 * 128 KiB buffer allocated for each of them was most of what a small query allocated (benchmarks/RESULTS.md, small
 * queries). Large bodies reach the full size after a few reads and then behave as before.
 */
final class ErrorTailInputStream extends InputStream {

    /** 64 KiB: four times the largest framed error a 25.11+ server writes (16 KiB), ample for the plain forms. */
    static final int DEFAULT_WINDOW = 64 * 1024;
    /**
     * The first buffer: a small query's whole response (a count, a few rows). It was 8 KiB, one HttpClient session
     * buffer, and with the row reader's 8 KiB half of what a one-row query allocated (issue 17).
     */
    static final int INITIAL_BUFFER = 1024;

    private final InputStream in;
    private final byte[] one = new byte[1];
    private final String tag;
    private final Function<ServerErrorText, ClickHouseException> toException;
    private final int window;
    private byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private ClickHouseException failure;

    ErrorTailInputStream(InputStream in, String tag, Function<ServerErrorText, ClickHouseException> toException,
            int window) {
        this.in = in;
        this.tag = tag;
        this.toException = toException;
        this.window = window;
        this.buf = new byte[Math.min(INITIAL_BUFFER, 2 * window)];
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure; // the tail is an error, never data, however often the consumer asks
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int deliverable = eof ? end - start : end - start - window;
            if (deliverable > 0) {
                int n = Math.min(deliverable, len);
                System.arraycopy(buf, start, b, off, n);
                start += n;
                return n;
            }
            if (eof) {
                return -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (end == buf.length) {
            int pending = end - start;
            if (buf.length < 2 * window && pending > buf.length / 2) {
                // Still filling up towards the window: grow rather than move most of the buffer for a few bytes.
                byte[] larger = new byte[Math.min(2 * window, buf.length * 2)];
                System.arraycopy(buf, start, larger, 0, pending);
                buf = larger;
            } else {
                // At most `window` bytes are pending here, so at full size at least half the buffer frees up.
                System.arraycopy(buf, start, buf, 0, pending);
            }
            end = pending;
            start = 0;
        }
        int n;
        try {
            n = in.read(buf, end, buf.length - end);
        } catch (IOException | RuntimeException e) {
            // Servers since 24.x break the HTTP framing right after writing the error: look before failing.
            Optional<ClickHouseException> server = trailingError();
            if (server.isPresent()) {
                failure = server.get();
                failure.addSuppressed(e);
                throw failure;
            }
            throw e;
        }
        if (n < 0) {
            eof = true;
            Optional<ClickHouseException> server = trailingError();
            if (server.isPresent()) {
                failure = server.get();
                throw failure;
            }
        } else {
            end += n;
        }
    }

    private Optional<ClickHouseException> trailingError() {
        return TrailingError.find(buf, start, end, tag).map(toException);
    }

    /** The buffer's current size; for tests of its growth. */
    int bufferSize() {
        return buf.length;
    }

    @Override
    public int available() {
        return Math.max(0, eof ? end - start : end - start - window);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
