package io.chspring.client.transport;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.cluster.EndpointStatus;
import io.chspring.client.cluster.LoadBalancing;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A transport over several endpoints: picks one per request by the {@link LoadBalancing} policy, quarantines an
 * endpoint that fails (connection error, timeout, a 5xx that says the node is in trouble) and probes it in the
 * background until it answers, and sends a failed request to another endpoint when {@link Failover} says that is
 * safe, within a time budget. A session ({@code session_id}) stays on the endpoint that created it.
 *
 * <p>Each endpoint has its own delegate transport (so that request events name the endpoint); the failover happens
 * before a response is handed back, so a response whose body the caller has begun to read is never repeated.
 */
public final class RoutingTransport implements Transport {

    /**
     * One endpoint.
     *
     * @param endpoint its base URI
     * @param transport carries requests to it
     * @param probe carries the background probe's {@code SELECT 1} (not counted as an application request)
     */
    public record Route(URI endpoint, Transport transport, Transport probe) {
        public Route {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(probe, "probe");
        }
    }

    /** Options of the routing. */
    public record Options(LoadBalancing policy, Duration failoverBudget, Duration firstBackoff, Duration maxBackoff,
            Duration probeTick) {
        /** Round robin, 30 s of failover, quarantine backoff 0.5 s doubling to 10 s, a probe tick of 100 ms. */
        public static final Options DEFAULTS = new Options(LoadBalancing.ROUND_ROBIN, Duration.ofSeconds(30),
                Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMillis(100));
    }

    private static final Logger LOG = LoggerFactory.getLogger(RoutingTransport.class);
    private static final int MAX_PINNED_SESSIONS = 10_000;

    private final Map<EndpointHealth, Route> routes;
    private final EndpointPicker picker;
    private final Duration failoverBudget;
    private final @Nullable HealthProbe probe;
    private final Map<String, EndpointHealth> sessions;
    private final boolean owner;

    private RoutingTransport(Map<EndpointHealth, Route> routes, EndpointPicker picker, Duration failoverBudget,
            @Nullable HealthProbe probe, Map<String, EndpointHealth> sessions, boolean owner) {
        this.routes = routes;
        this.picker = picker;
        this.failoverBudget = failoverBudget;
        this.probe = probe;
        this.sessions = sessions;
        this.owner = owner;
    }

    /** A routing transport that owns the routes' transports (closes them) and probes quarantined endpoints. */
    public static RoutingTransport create(List<Route> routes, Options options) {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("no endpoints");
        }
        Map<EndpointHealth, Route> byHealth = new LinkedHashMap<>();
        for (Route r : routes) {
            byHealth.put(new EndpointHealth(r.endpoint(), options.firstBackoff(), options.maxBackoff()), r);
        }
        List<EndpointHealth> health = List.copyOf(byHealth.keySet());
        HealthProbe probe = new HealthProbe(health, e -> ping(byHealth.get(e).probe()), options.probeTick().toMillis());
        return new RoutingTransport(byHealth, new EndpointPicker(health, options.policy()), options.failoverBudget(),
                probe, lruSessions(), true);
    }

    /**
     * A view that routes over some of the endpoints only (for example the replicas of one shard), sharing their
     * health, pools and sessions; closing it closes nothing.
     *
     * @throws IllegalArgumentException naming an endpoint this transport does not have
     */
    public RoutingTransport subset(List<URI> endpoints, LoadBalancing policy) {
        Map<EndpointHealth, Route> chosen = new LinkedHashMap<>();
        for (URI uri : endpoints) {
            EndpointHealth h = routes.keySet().stream().filter(e -> e.uri().equals(uri)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Not an endpoint of this client: " + uri));
            chosen.put(h, routes.get(h));
        }
        return new RoutingTransport(chosen, new EndpointPicker(List.copyOf(chosen.keySet()), policy), failoverBudget,
                null, sessions, false);
    }

    private static Map<String, EndpointHealth> lruSessions() {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EndpointHealth> eldest) {
                return size() > MAX_PINNED_SESSIONS;
            }
        });
    }

    /** One cheap query; throws when the endpoint does not answer it. */
    static void ping(Transport transport) throws IOException {
        TransportRequest request = new TransportRequest("SELECT 1", Map.of(), Map.of(), null,
                "chspring-probe-" + UUID.randomUUID(), null, null, null, false, false, true, Duration.ofSeconds(5));
        try (TransportResponse response = transport.execute(request); InputStream in = response.body()) {
            String answer = new String(in.readNBytes(16), StandardCharsets.UTF_8).strip();
            if (!answer.equals("1")) {
                throw new IOException("the probe SELECT 1 was answered with '" + answer + "'");
            }
        }
    }

    /** The endpoints with their state, in configuration order. */
    public List<EndpointStatus> statuses() {
        List<EndpointStatus> statuses = new ArrayList<>(routes.size());
        routes.keySet().forEach(e -> statuses.add(e.status()));
        return statuses;
    }

    /** Probes the quarantined endpoints now, without waiting for the background tick (tests). */
    void probeNowForTests() {
        if (probe != null) {
            probe.probeAllQuarantined();
        }
    }

    /** The base URIs of the endpoints, in configuration order. */
    public List<URI> endpoints() {
        return routes.keySet().stream().map(EndpointHealth::uri).toList();
    }

    @Override
    public TransportResponse execute(TransportRequest request) {
        if (request.sessionId() != null) {
            EndpointHealth pinned = sessions.get(request.sessionId());
            if (pinned != null) {
                return executeInSession(request, pinned);
            }
        }
        long start = System.nanoTime();
        Set<EndpointHealth> tried = new HashSet<>();
        ClickHouseException failure = null;
        while (true) {
            EndpointHealth endpoint = picker.pick(tried);
            if (endpoint == null) {
                throw Objects.requireNonNull(failure);
            }
            tried.add(endpoint);
            try {
                TransportResponse response = attempt(endpoint, request);
                if (request.sessionId() != null) {
                    sessions.putIfAbsent(request.sessionId(), endpoint);
                }
                return response;
            } catch (ClickHouseException e) {
                boolean fault = isEndpointFault(e);
                if (fault) {
                    quarantine(endpoint, e);
                }
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
                if (!mayRetryElsewhere(e, request)) {
                    throw e;
                }
                if (Duration.ofNanos(System.nanoTime() - start).compareTo(failoverBudget) > 0) {
                    LOG.debug("query {}: failover budget of {} spent", request.queryId(), failoverBudget);
                    throw e;
                }
                LOG.debug("query {}: {} failed ({}); trying another endpoint", request.queryId(), endpoint, e.getMessage());
            }
        }
    }

    private TransportResponse executeInSession(TransportRequest request, EndpointHealth pinned) {
        if (!pinned.isHealthy()) {
            throw sessionLost(request, pinned, null);
        }
        try {
            return attempt(pinned, request);
        } catch (ClickHouseException e) {
            if (isEndpointFault(e)) {
                quarantine(pinned, e);
                throw sessionLost(request, pinned, e);
            }
            throw e;
        }
    }

    private static ClickHouseTransportException sessionLost(TransportRequest request, EndpointHealth pinned,
            @Nullable ClickHouseException cause) {
        EndpointStatus s = pinned.status();
        return new ClickHouseTransportException("Session " + request.sessionId() + " lives on " + s.address()
                + ", which is failing (" + s.lastError().orElse("no answer") + "); a session cannot move to another "
                + "server: start a new session", cause, cause == null ? 0 : cause.errorCode(), request.queryId(), false);
    }

    private TransportResponse attempt(EndpointHealth endpoint, TransportRequest request) {
        Route route = routes.get(endpoint);
        endpoint.requestStarted();
        TransportResponse response;
        try {
            response = route.transport().execute(request);
        } catch (RuntimeException e) {
            endpoint.requestEnded();
            throw e;
        }
        endpoint.succeeded();
        return new RoutedResponse(response, endpoint);
    }

    private static boolean isEndpointFault(ClickHouseException e) {
        return e.getCause() instanceof IOException io ? Failover.endpointFault(io) : Failover.endpointFault(e);
    }

    private static boolean mayRetryElsewhere(ClickHouseException e, TransportRequest request) {
        if (e.getCause() instanceof IOException io) {
            // A body is written only once the connection stands: a request that was not sent kept its body unread.
            return Failover.notSent(io) || (request.body() == null && Failover.mayRetryElsewhere(io, request.idempotent()));
        }
        return request.body() == null && Failover.mayRetryElsewhere(e, request.idempotent());
    }

    private void quarantine(EndpointHealth endpoint, ClickHouseException e) {
        if (endpoint.failed(e.getMessage(), System.nanoTime()) && routes.size() > 1) {
            LOG.warn("ClickHouse endpoint {} failed ({}); it takes no requests until a probe gets an answer",
                    endpoint.address(), e.getMessage());
        }
    }

    @Override
    public boolean framesRequestBodies() {
        return routes.values().iterator().next().transport().framesRequestBodies();
    }

    @Override
    public boolean supportsExternalData() {
        return routes.values().iterator().next().transport().supportsExternalData();
    }

    @Override
    public void close() {
        if (!owner || probe == null) {
            return;
        }
        probe.close();
        RuntimeException first = null;
        for (Route r : routes.values()) {
            try {
                r.transport().close();
                if (r.probe() != r.transport()) {
                    r.probe().close();
                }
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "RoutingTransport" + endpoints();
    }

    /** Ends the endpoint's in-flight count once, when the response or its body is closed. */
    private static final class RoutedResponse implements TransportResponse {

        private final TransportResponse delegate;
        private final EndpointHealth endpoint;
        private final AtomicBoolean ended = new AtomicBoolean();

        RoutedResponse(TransportResponse delegate, EndpointHealth endpoint) {
            this.delegate = delegate;
            this.endpoint = endpoint;
        }

        @Override
        public String queryId() {
            return delegate.queryId();
        }

        @Override
        public Optional<String> header(String name) {
            return delegate.header(name);
        }

        @Override
        public InputStream body() {
            return new FilterInputStream(delegate.body()) {
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

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                end();
            }
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                endpoint.requestEnded();
            }
        }
    }
}
