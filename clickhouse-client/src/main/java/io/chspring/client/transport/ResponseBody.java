package io.chspring.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * The body stream a consumer reads: counts bytes, turns I/O failures into client exceptions (a body that breaks
 * off is never reported as a short one), remembers whether it reached the end, and closes the response.
 */
final class ResponseBody extends InputStream {

    private final InputStream in;
    private final byte[] one = new byte[1];
    private final HttpTransportResponse owner;
    private final long responseTimeoutMillis;
    private final LongSupplier arrived;
    private boolean eof;

    /** {@code arrived} counts the bytes received, not the ones handed out so far (held back or still framed). */
    ResponseBody(InputStream in, HttpTransportResponse owner, long responseTimeoutMillis, LongSupplier arrived) {
        this.in = in;
        this.arrived = arrived;
        this.owner = owner;
        this.responseTimeoutMillis = responseTimeoutMillis;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (eof) {
            return -1;
        }
        try {
            int n = in.read(b, off, len);
            if (n < 0) {
                eof = true;
            }
            return n;
        } catch (IOException e) {
            throw HttpErrors.fromBrokenBody(e, arrived.getAsLong(), owner.queryId(), responseTimeoutMillis);
        }
    }

    @Override
    public int available() throws IOException {
        return eof ? 0 : in.available();
    }

    boolean atEnd() {
        return eof;
    }

    @Override
    public void close() {
        owner.close();
    }
}
