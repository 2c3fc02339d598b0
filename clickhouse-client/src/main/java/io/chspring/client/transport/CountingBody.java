package io.chspring.client.transport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A request body that adds the bytes it writes, counted before compression (framed or not), to a counter, for the
 * request listener's and the observer's byte counts. It keeps the body's content type: external data is
 * {@code multipart/form-data}, which a plain lambda around the body would lose.
 */
public final class CountingBody implements RequestBody {

    private final RequestBody body;
    private final AtomicLong sent;

    public CountingBody(RequestBody body, AtomicLong sent) {
        this.body = Objects.requireNonNull(body, "body");
        this.sent = Objects.requireNonNull(sent, "sent");
    }

    /** {@code request} with its body (if any) counted into {@code sent}. */
    public static TransportRequest counting(TransportRequest request, AtomicLong sent) {
        RequestBody body = request.body();
        return body == null ? request : request.withBody(new CountingBody(body, sent));
    }

    @Override
    public void writeTo(BodySink sink) throws IOException {
        body.writeTo(new CountingSink(sink, sent));
    }

    @Override
    public @Nullable String contentType() {
        return body.contentType();
    }

    private record CountingSink(BodySink sink, AtomicLong sent) implements BodySink {

        @Override
        public boolean framed() {
            return sink.framed();
        }

        @Override
        public OutputStream plain() throws IOException {
            return new FilterOutputStream(sink.plain()) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    sent.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    sent.addAndGet(len);
                }

                @Override
                public void close() {
                    // the transport owns the stream; a body writer must not close it (see BodyWriter)
                }
            };
        }

        @Override
        public void frame(byte[] frame, int offset, int length, int plainLength) throws IOException {
            sink.frame(frame, offset, length, plainLength);
            sent.addAndGet(plainLength);
        }
    }
}
