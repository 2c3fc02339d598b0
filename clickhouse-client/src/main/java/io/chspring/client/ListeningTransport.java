package io.chspring.client;

import io.chspring.client.RequestEvent.Operation;
import io.chspring.client.transport.BodySink;
import io.chspring.client.transport.RequestBody;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a transport to time each request and count its body bytes, and tells a {@link RequestListener} when the
 * request is over: when its response is closed, or when sending it failed.
 */
final class ListeningTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(ListeningTransport.class);
    private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXISTS",
            "EXPLAIN", "CHECK");

    private final Transport delegate;
    private final RequestListener listener;
    private final String endpoint;

    ListeningTransport(Transport delegate, RequestListener listener) {
        this(delegate, listener, "");
    }

    /** A listened transport whose events name {@code endpoint} ({@code scheme://host:port}). */
    ListeningTransport(Transport delegate, RequestListener listener, String endpoint) {
        this.delegate = delegate;
        this.listener = listener;
        this.endpoint = endpoint;
    }

    @Override
    public TransportResponse execute(TransportRequest request) {
        long start = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        Operation operation = operation(request);
        TransportResponse response;
        try {
            response = delegate.execute(counting(request, sent));
        } catch (RuntimeException e) {
            notify(new RequestEvent(operation, request.queryId(), since(start), sent.get(), 0, e, endpoint));
            throw e;
        }
        return new ListenedResponse(response, operation, start, sent);
    }

    static Operation operation(TransportRequest request) {
        String sql = request.sql();
        int i = 0;
        while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
            i++;
        }
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        String keyword = sql.substring(i, end).toUpperCase(Locale.ROOT);
        if (request.body() != null || keyword.equals("INSERT")) {
            return Operation.INSERT;
        }
        return QUERY_KEYWORDS.contains(keyword) ? Operation.QUERY : Operation.COMMAND;
    }

    private static TransportRequest counting(TransportRequest r, AtomicLong sent) {
        RequestBody body = r.body();
        if (body == null) {
            return r;
        }
        // keeps the body's content type: external data is multipart/form-data, which a lambda would lose
        RequestBody counted = new RequestBody() {
            @Override
            public void writeTo(BodySink sink) throws IOException {
                body.writeTo(new CountingSink(sink, sent));
            }

            @Override
            public String contentType() {
                return body.contentType();
            }
        };
        return new TransportRequest(r.sql(), r.settings(), r.parameters(), r.database(), r.queryId(), r.sessionId(),
                r.sessionTimeout(), counted, r.compressRequest(), r.compressResponse(), r.idempotent(),
                r.responseTimeout(), r.requestCodec(), r.headers());
    }

    /** Counts a body's bytes before compression, as {@link RequestEvent#bytesSent} says, framed or not. */
    private record CountingSink(BodySink sink, AtomicLong sent) implements BodySink {

        @Override
        public boolean framed() {
            return sink.framed();
        }

        @Override
        public OutputStream plain() throws IOException {
            return new CountingOutputStream(sink.plain(), sent);
        }

        @Override
        public void frame(byte[] frame, int offset, int length, int plainLength) throws IOException {
            sink.frame(frame, offset, length, plainLength);
            sent.addAndGet(plainLength);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void notify(RequestEvent event) {
        try {
            listener.onRequest(event);
        } catch (RuntimeException e) {
            LOG.warn("RequestListener {} failed for query {}", listener, event.queryId(), e);
        }
    }

    @Override
    public boolean framesRequestBodies() {
        return delegate.framesRequestBodies();
    }

    @Override
    public boolean supportsExternalData() {
        return delegate.supportsExternalData();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** Reports the request once, when the response or its body is first closed. */
    private final class ListenedResponse implements TransportResponse {

        private final TransportResponse response;
        private final Operation operation;
        private final long start;
        private final AtomicLong sent;
        private final AtomicLong received = new AtomicLong();
        private final AtomicBoolean reported = new AtomicBoolean();
        private volatile Throwable readError;
        private InputStream body;

        ListenedResponse(TransportResponse response, Operation operation, long start, AtomicLong sent) {
            this.response = response;
            this.operation = operation;
            this.start = start;
            this.sent = sent;
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
                body = new CountingInputStream(response.body(), this);
            }
            return body;
        }

        void readFailed(IOException e) {
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
                report();
            }
        }

        void report() {
            if (reported.compareAndSet(false, true)) {
                ListeningTransport.this.notify(new RequestEvent(operation, response.queryId(), since(start),
                        sent.get(), received.get(), readError, endpoint));
            }
        }
    }

    private static final class CountingInputStream extends FilterInputStream {

        private final ListenedResponse owner;

        CountingInputStream(InputStream in, ListenedResponse owner) {
            super(in);
            this.owner = owner;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b >= 0) {
                    owner.received.incrementAndGet();
                }
                return b;
            } catch (IOException e) {
                owner.readFailed(e);
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    owner.received.addAndGet(n);
                }
                return n;
            } catch (IOException e) {
                owner.readFailed(e);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                owner.report();
            }
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {

        private final AtomicLong count;

        CountingOutputStream(OutputStream out, AtomicLong count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count.addAndGet(len);
        }

        @Override
        public void close() {
            // The transport owns the underlying stream; a body writer must not close it (see BodyWriter).
        }
    }
}
