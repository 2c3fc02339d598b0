package io.chspring.client;

import io.chspring.client.request.RequestContext;
import io.chspring.client.transport.BodySink;
import io.chspring.client.transport.TestSink;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the network in unit tests: records every request, runs body writers into a buffer, answers
 * the client's version query ({@code SELECT version(), timezone()}) with a fixed version and UTC, and every other
 * request with a fixed body and headers.
 */
public final class FakeTransport implements Transport {

    private final String version;
    private final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger openResponses = new AtomicInteger();
    private volatile byte[] answer = new byte[0];
    private volatile Map<String, String> headers = Map.of();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile boolean frames;

    public FakeTransport(String version) {
        this.version = version;
    }

    /** The body of the next answers. */
    public FakeTransport answering(String body) {
        this.answer = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Takes compressed bodies as LZ4 frames, as the HTTP transport does ({@link #framesRequestBodies()}); the bodies
     * then recorded are the frames.
     */
    public FakeTransport framing() {
        this.frames = true;
        return this;
    }

    @Override
    public boolean framesRequestBodies() {
        return frames;
    }

    /** The names of the threads that sent each request, in order. */
    public List<String> threads() {
        return threads;
    }

    /** The headers of the next answers. */
    public FakeTransport withHeaders(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
        return this;
    }

    public List<TransportRequest> requests() {
        return requests;
    }

    /** Requests other than the client's own version lookup. */
    public List<TransportRequest> userRequests() {
        return requests.stream().filter(r -> !isVersionQuery(r.sql())).toList();
    }

    public TransportRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    public long versionLookups() {
        return requests.stream().filter(r -> isVersionQuery(r.sql())).count();
    }

    private static boolean isVersionQuery(String sql) {
        return sql.equals(RequestContext.VERSION_QUERY);
    }

    public byte[] lastBody() {
        return bodies.get(bodies.size() - 1);
    }

    public int closes() {
        return closes.get();
    }

    public int openResponses() {
        return openResponses.get();
    }

    @Override
    public TransportResponse execute(TransportRequest request) {
        requests.add(request);
        threads.add(Thread.currentThread().getName());
        if (request.body() != null) {
            try {
                if (frames && request.compressRequest()) {
                    TestSink sink = TestSink.compressed();
                    request.body().writeTo(sink);
                    bodies.add(sink.bytes());
                } else {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    request.body().writeTo(BodySink.plain(out));
                    bodies.add(out.toByteArray());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] body = isVersionQuery(request.sql())
                ? (version + "\tUTC\n").getBytes(StandardCharsets.UTF_8) : answer;
        openResponses.incrementAndGet();
        Map<String, String> answerHeaders = headers;
        return new TransportResponse() {
            private final InputStream in = new ByteArrayInputStream(body);
            private boolean closed;

            @Override
            public String queryId() {
                return request.queryId();
            }

            @Override
            public Optional<String> header(String name) {
                return answerHeaders.entrySet().stream()
                        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                        .map(Map.Entry::getValue).findFirst();
            }

            @Override
            public InputStream body() {
                return in;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    openResponses.decrementAndGet();
                }
            }
        };
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    /** A client on this transport. */
    public ClickHouseClient client() {
        return ClickHouseClient.builder().endpoint("http://127.0.0.1:8123").transport(config -> this).build();
    }
}
