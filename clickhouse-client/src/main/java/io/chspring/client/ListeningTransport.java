package io.chspring.client;

import io.chspring.client.RequestEvent.Operation;
import io.chspring.client.sql.QueryText;
import io.chspring.client.transport.CountingBody;
import io.chspring.client.transport.MeteredResponse;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a transport to time each request and count its body bytes, and tells a {@link RequestListener} when the
 * request is over: when its response is closed, or when sending it failed.
 */
final class ListeningTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(ListeningTransport.class);

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
            response = delegate.execute(CountingBody.counting(request, sent));
        } catch (RuntimeException e) {
            notify(new RequestEvent(operation, request.queryId(), since(start), sent.get(), 0, e, endpoint));
            throw e;
        }
        return new MeteredResponse(response, sent, ended -> notify(new RequestEvent(operation, ended.queryId(),
                since(start), ended.sentBytes(), ended.receivedBytes(), ended.readError(), endpoint)));
    }

    static Operation operation(TransportRequest request) {
        return Operation.of(QueryText.firstKeyword(request.sql()), request.body() != null);
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
}
