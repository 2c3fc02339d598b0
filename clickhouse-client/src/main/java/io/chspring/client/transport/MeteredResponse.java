package io.chspring.client.transport;

import io.chspring.client.ClickHouseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A response that counts the body bytes read, keeps the first read failure, and calls {@code onEnd} once, when the
 * response or its body is first closed: what request listeners and observers report about an exchange.
 */
public final class MeteredResponse implements TransportResponse {

    private final TransportResponse response;
    private final AtomicLong sent;
    private final Consumer<MeteredResponse> onEnd;
    private final AtomicLong received = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile @Nullable Throwable readError;
    private @Nullable InputStream body;

    /**
     * @param sent the request body's bytes, counted as it was sent ({@link CountingBody})
     * @param onEnd called once with this response when it or its body is first closed; must not throw
     */
    public MeteredResponse(TransportResponse response, AtomicLong sent, Consumer<MeteredResponse> onEnd) {
        this.response = Objects.requireNonNull(response, "response");
        this.sent = Objects.requireNonNull(sent, "sent");
        this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
    }

    /** The request body's bytes before compression. */
    public long sentBytes() {
        return sent.get();
    }

    /** The response body's bytes read so far, as they came (compressed when the response is). */
    public long receivedBytes() {
        return received.get();
    }

    /** The failure that ended reading the body (a server error found mid-stream, a broken connection), if any. */
    public @Nullable Throwable readError() {
        return readError;
    }

    @Override
    public String queryId() {
        return response.queryId();
    }

    @Override
    public Optional<String> header(String name) {
        return response.header(name);
    }

    @Override
    public synchronized InputStream body() {
        if (body == null) {
            body = new FilterInputStream(response.body()) {
                @Override
                public int read() throws IOException {
                    try {
                        int b = in.read();
                        if (b >= 0) {
                            received.incrementAndGet();
                        }
                        return b;
                    } catch (IOException e) {
                        readFailed(e);
                        throw e;
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            received.addAndGet(n);
                        }
                        return n;
                    } catch (IOException e) {
                        readFailed(e);
                        throw e;
                    }
                }

                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        end();
                    }
                }
            };
        }
        return body;
    }

    private void readFailed(IOException e) {
        // the client's streams carry a server error found mid-stream as the cause of an IOException
        readError = e.getCause() instanceof ClickHouseException ce ? ce : e;
    }

    @Override
    public void abort() {
        response.abort();
    }

    @Override
    public void close() {
        try {
            response.close();
        } finally {
            end();
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.accept(this);
        }
    }
}
