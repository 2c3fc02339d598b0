package io.chspring.client.transport;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body stream a consumer reads: counts bytes, turns I/O failures into client exceptions (a body that breaks
 * off is never reported as a short one), remembers whether it reached the end, and closes the response.
 */
final class ResponseBody extends InputStream {

    private final InputStream in;
    private final byte[] one = new byte[1];
    private final HttpTransportResponse owner;
    private final long responseTimeoutMillis;
    private long bytesRead;
    private boolean eof;

    ResponseBody(InputStream in, HttpTransportResponse owner, long responseTimeoutMillis) {
        this.in = in;
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
            } else {
                bytesRead += n;
            }
            return n;
        } catch (IOException e) {
            throw HttpErrors.fromBrokenBody(e, bytesRead, owner.queryId(), responseTimeoutMillis);
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
