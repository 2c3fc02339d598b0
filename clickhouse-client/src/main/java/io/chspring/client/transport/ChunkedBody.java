package io.chspring.client.transport;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.StreamClosedException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.AbstractMessageParser;
import org.apache.hc.core5.http.io.SessionInputBuffer;

/**
 * The body of a response sent with chunked transfer coding, read straight from the connection's session buffer: what
 * HttpCore's {@code ChunkedInputStream} does, with each chunk's header parsed byte by byte. ClickHouse 18.16 sends
 * 4 KiB chunks, about 80,000 for a 324 MB result, and HttpCore parses every header through a line buffer, a trimmed
 * {@code String} and {@code Long.parseLong}: code that a fresh JVM first interprets, then compiles, on the cores the
 * server needs (C2 spent 120-220 ms on that path in one cold read of 3,000,000 rows; benchmarks/RESULTS.md). One read
 * also carries on into the next chunk while its header is already buffered, so a caller gets up to its whole buffer
 * per call instead of one chunk at most; it never waits on the socket once it has bytes to return.
 *
 * <p>Failures are HttpCore's: a malformed header or a chunk not followed by CRLF is a
 * {@link MalformedChunkCodingException} (and every later read fails the same way), the connection ending inside a
 * chunk a {@link TruncatedChunkException}, and before the last chunk a {@link ConnectionClosedException}. Trailer
 * fields after the last chunk are parsed with HttpCore's header parser and the connection's limits, then dropped
 * (ClickHouse sends none). {@link #close} reads the rest of the body so that the connection can carry the next request.
 */
final class ChunkedBody extends InputStream {

    /** Continue into the next chunk only with at least this much buffered: its CRLF and header surely are. */
    private static final int HEADER_ROOM = 32;
    private static final int DRAIN_BUFFER = 8 * 1024;

    private final SessionInputBuffer buffer;
    private final InputStream in;
    private final Http1Config config;
    /** Bytes of the current chunk still to read; 0 between chunks. */
    private long left;
    /** Whether a chunk has been read whose closing CRLF is still ahead. */
    private boolean crlfAhead;
    private boolean eof;
    private boolean closed;
    private boolean invalid;
    /**
     * A failure met while carrying on into the next chunk, after bytes were already handed out by the same call: it is
     * thrown by the next call, so the caller sees those bytes first (an error a server writes just before it breaks
     * the framing is in them; see {@link ErrorTailInputStream}).
     */
    private IOException deferred;

    ChunkedBody(SessionInputBuffer buffer, InputStream in, Http1Config config) {
        this.buffer = buffer;
        this.in = in;
        this.config = config;
    }

    @Override
    public int read() throws IOException {
        throwDeferred();
        if (!startChunk()) {
            return -1;
        }
        int b = buffer.read(in);
        if (b < 0) {
            throw truncated();
        }
        consumed(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        throwDeferred();
        if (len == 0) {
            return 0;
        }
        if (!startChunk()) {
            return -1;
        }
        int total = 0;
        while (true) {
            int n = buffer.read(b, off + total, (int) Math.min(len - total, left), in);
            if (n < 0) {
                throw truncated();
            }
            total += n;
            consumed(n);
            // on into the next chunk only without touching the socket: bytes in hand are never held back
            if (total == len || left > 0 || buffer.length() < HEADER_ROOM) {
                return total;
            }
            try {
                if (!startChunk() || buffer.length() == 0) {
                    return total;
                }
            } catch (IOException e) {
                deferred = e;
                return total;
            }
        }
    }

    @Override
    public int available() {
        return closed || eof ? 0 : (int) Math.min(buffer.length(), left);
    }

    /**
     * Reads the rest of the body and its trailer, leaving the connection at the next response (as HttpCore's
     * {@code ChunkedInputStream} does); a body already broken is left as it is.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (!eof && !invalid) {
                byte[] drain = new byte[DRAIN_BUFFER];
                while (read(drain, 0, drain.length) >= 0) {
                    // discarded
                }
            }
        } finally {
            eof = true;
            closed = true;
        }
    }

    private void throwDeferred() throws IOException {
        IOException e = deferred;
        if (e != null) {
            deferred = null;
            throw e;
        }
    }

    /** After {@code n} bytes of the current chunk were read. */
    private void consumed(int n) {
        left -= n;
        if (left == 0) {
            crlfAhead = true;
        }
    }

    /** Makes sure a chunk with bytes left is current; false at the end of the body (its trailer read). */
    private boolean startChunk() throws IOException {
        if (closed) {
            throw new StreamClosedException();
        }
        if (invalid) {
            throw new MalformedChunkCodingException("Corrupt data stream");
        }
        if (eof) {
            return false;
        }
        if (left > 0) {
            return true;
        }
        try {
            if (crlfAhead) {
                endOfLine(buffer.read(in), "CRLF expected at end of chunk");
                crlfAhead = false;
            }
            left = chunkSize();
        } catch (MalformedChunkCodingException e) {
            invalid = true;
            throw e;
        }
        if (left == 0) {
            eof = true;
            trailer();
            return false;
        }
        return true;
    }

    /**
     * The size in a chunk header, {@code HEX [ws] [";" extensions] CRLF} (a bare LF accepted, and blanks around the
     * size, as HttpCore accepts them); the extensions are skipped.
     */
    private long chunkSize() throws IOException {
        int b = buffer.read(in);
        if (b < 0) {
            throw new ConnectionClosedException("Premature end of chunk coded message body: closing chunk expected");
        }
        while (b == ' ' || b == '\t') {
            b = buffer.read(in);
        }
        long size = 0;
        int digits = 0;
        for (int d = hex(b); d >= 0; d = hex(b)) {
            if (size > Long.MAX_VALUE >> 4) {
                throw new MalformedChunkCodingException("Bad chunk header: a size beyond 2^63 - 1");
            }
            size = size << 4 | d;
            digits++;
            b = buffer.read(in);
        }
        if (digits == 0) {
            throw new MalformedChunkCodingException("Bad chunk header: no size"
                    + (b < 0 ? " before the end of the stream" : " (byte " + b + ")"));
        }
        while (b == ' ' || b == '\t') {
            b = buffer.read(in);
        }
        if (b == ';') {
            int max = config.getMaxLineLength();
            int length = digits + 1;
            do {
                b = buffer.read(in);
                if (max > 0 && ++length > max) {
                    throw new MalformedChunkCodingException("Bad chunk header: longer than " + max + " bytes");
                }
            } while (b >= 0 && b != '\r' && b != '\n');
        }
        endOfLine(b, "Bad chunk header: unexpected byte after the size");
        return size;
    }

    /** The value of the hex digit {@code b}, or -1 for any other byte (or the end of the stream). */
    static int hex(int b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** Checks that {@code b}, the byte just read, ends a line (CRLF, or a bare LF). */
    private void endOfLine(int b, String message) throws IOException {
        if (b == '\r') {
            b = buffer.read(in);
        }
        if (b != '\n') {
            throw new MalformedChunkCodingException(message + (b < 0 ? " (end of stream)" : " (byte " + b + ")"));
        }
    }

    private void trailer() throws IOException {
        try {
            AbstractMessageParser.parseHeaders(buffer, in, config.getMaxHeaderCount(), config.getMaxLineLength(), null);
        } catch (HttpException e) {
            invalid = true;
            MalformedChunkCodingException malformed = new MalformedChunkCodingException("Invalid trailing header: "
                    + e.getMessage());
            malformed.initCause(e);
            throw malformed;
        }
    }

    private TruncatedChunkException truncated() {
        eof = true;
        return new TruncatedChunkException("Truncated chunk (%d bytes of it missing)", left);
    }
}
