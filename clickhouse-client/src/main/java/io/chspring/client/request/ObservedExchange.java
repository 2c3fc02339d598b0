package io.chspring.client.request;

import io.chspring.client.ClickHouseException;
import io.chspring.client.QuerySummary;
import io.chspring.client.RequestEvent.Operation;
import io.chspring.client.ServerCapabilities;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.observation.RequestEnd;
import io.chspring.client.observation.RequestObservation;
import io.chspring.client.observation.RequestStart;
import io.chspring.client.observation.TraceContext;
import io.chspring.client.sql.QueryText;
import io.chspring.client.transport.BodySink;
import io.chspring.client.transport.Endpoint;
import io.chspring.client.transport.RequestBody;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request under the context's {@link ClickHouseObserver}: starts its observation, adds the trace context the
 * observation hands over where the server can use it (chosen by server version), counts the body bytes both ways and
 * ends the observation when the response is closed or sending failed. Without an observer it is a plain send.
 */
final class ObservedExchange {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedExchange.class);
    private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXISTS",
            "EXPLAIN", "CHECK");
    /** The setting whose text {@code system.query_log} keeps in its {@code log_comment} column (21.2+). */
    static final String LOG_COMMENT = "log_comment";

    private ObservedExchange() {
    }

    static TransportResponse send(RequestContext context, TransportRequest request) {
        Transport transport = context.transport();
        ClickHouseObserver observer = context.observer();
        if (observer == ClickHouseObserver.NONE) {
            return transport.execute(request);
        }
        RequestObservation observation;
        TraceContext trace;
        try {
            observation = observer.request(start(context.endpoint(), request));
            trace = observation.traceContext();
        } catch (RuntimeException e) {
            LOG.warn("ClickHouseObserver {} failed to start observing query {}; it is sent unobserved", observer,
                    request.queryId(), e);
            return transport.execute(request);
        }
        AtomicLong sent = new AtomicLong();
        TransportResponse response;
        try {
            response = transport.execute(traced(context, counting(request, sent), trace));
        } catch (RuntimeException e) {
            end(observation, new RequestEnd(e, sent.get(), 0, -1, -1), request.queryId());
            throw e;
        }
        return new ObservedResponse(response, observation, sent);
    }

    private static RequestStart start(Endpoint endpoint, TransportRequest request) {
        String host = endpoint.host() == null ? "" : endpoint.host();
        int port = endpoint.port();
        if (port < 0 && !host.isEmpty()) {
            port = endpoint.secure() ? 8443 : 8123;
        }
        return new RequestStart(operation(request), request.sql(), request.queryId(), request.database(), host, port);
    }

    static Operation operation(TransportRequest request) {
        String keyword = QueryText.firstKeyword(request.sql());
        if (request.body() != null || keyword.equals("INSERT")) {
            return Operation.INSERT;
        }
        return QUERY_KEYWORDS.contains(keyword) ? Operation.QUERY : Operation.COMMAND;
    }

    /**
     * The request with the trace context where this server takes it: the W3C headers from 20.10, the
     * {@code traceparent} as {@code log_comment} from 21.2 (unless the request sets that setting itself). 18.16 gets
     * neither: it would refuse {@code log_comment} (code 115), and it ignores the headers.
     */
    static TransportRequest traced(RequestContext context, TransportRequest r, @Nullable TraceContext trace) {
        if (trace == null) {
            return r;
        }
        ServerCapabilities capabilities = context.capabilities();
        Map<String, String> headers = r.headers();
        if (capabilities.acceptsTraceContextHeaders()) {
            headers = new LinkedHashMap<>(r.headers());
            headers.put(TraceContext.TRACEPARENT_HEADER, trace.traceparent());
            if (trace.tracestate() != null) {
                headers.put(TraceContext.TRACESTATE_HEADER, trace.tracestate());
            }
        }
        Map<String, String> settings = r.settings();
        if (capabilities.supportsLogComment() && !settings.containsKey(LOG_COMMENT)) {
            settings = new LinkedHashMap<>(settings);
            settings.put(LOG_COMMENT, trace.traceparent());
        }
        if (headers == r.headers() && settings == r.settings()) {
            return r;
        }
        return new TransportRequest(r.sql(), settings, r.parameters(), r.database(), r.queryId(), r.sessionId(),
                r.sessionTimeout(), r.body(), r.compressRequest(), r.compressResponse(), r.idempotent(),
                r.responseTimeout(), r.requestCodec(), headers);
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

    private static void end(RequestObservation observation, RequestEnd end, String queryId) {
        try {
            observation.end(end);
        } catch (RuntimeException e) {
            LOG.warn("Ending the observation of query {} failed", queryId, e);
        }
    }

    /** Counts a body's bytes before compression, framed or not. */
    private record CountingSink(BodySink sink, AtomicLong sent) implements BodySink {

        @Override
        public boolean framed() {
            return sink.framed();
        }

        @Override
        public OutputStream plain() throws IOException {
            AtomicLong count = sent;
            return new FilterOutputStream(sink.plain()) {
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
                    // the transport owns the stream (see BodyWriter)
                }
            };
        }

        @Override
        public void frame(byte[] frame, int offset, int length, int plainLength) throws IOException {
            sink.frame(frame, offset, length, plainLength);
            sent.addAndGet(plainLength);
        }
    }

    /** Ends the observation once, when the response or its body is first closed. */
    private static final class ObservedResponse implements TransportResponse {

        private final TransportResponse response;
        private final RequestObservation observation;
        private final AtomicLong sent;
        private final AtomicLong received = new AtomicLong();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile @Nullable Throwable readError;
        private @Nullable InputStream body;

        ObservedResponse(TransportResponse response, RequestObservation observation, AtomicLong sent) {
            this.response = response;
            this.observation = observation;
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
                            report();
                        }
                    }
                };
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

        private void report() {
            if (ended.compareAndSet(false, true)) {
                QuerySummary summary = QuerySummary.of(response.queryId(),
                        response.header(QuerySummary.SUMMARY_HEADER).orElse(null));
                end(observation, new RequestEnd(readError, sent.get(), received.get(), orMinusOne(summary.readRows()),
                        orMinusOne(summary.writtenRows())), response.queryId());
            }
        }

        private static long orMinusOne(OptionalLong value) {
            return value.isPresent() ? value.getAsLong() : -1;
        }
    }
}
