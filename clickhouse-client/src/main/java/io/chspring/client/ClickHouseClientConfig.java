package io.chspring.client;

import io.chspring.client.cluster.LoadBalancing;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.transport.Endpoint;
import io.chspring.client.transport.HttpClientCustomizer;
import io.chspring.client.transport.TlsOptions;
import io.chspring.client.transport.Transport;
import io.chspring.client.rowbinary.TimeZoneRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The immutable configuration of a {@link ClickHouseClient}, built by {@link ClickHouseClientBuilder}.
 * {@link #toString()} never shows the password, the bearer token or header values.
 */
public final class ClickHouseClientConfig {

    /** Default pool size over all routes. */
    public static final int DEFAULT_MAX_CONNECTIONS_TOTAL = 32;
    /** Default pool size per route. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ROUTE = 16;
    /** Default connect timeout (also the longest wait to lease a connection from a full pool). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default socket read timeout while waiting for a response. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofMinutes(5);
    /**
     * Default idle time after which pooled connections are closed: below the server's keep_alive_timeout (3 s on
     * 18.16, 10 s on modern servers), so the pool closes an idle connection before the server does and a request
     * never lands on a half-closed socket.
     */
    public static final Duration DEFAULT_IDLE_EVICTION = Duration.ofSeconds(2);
    /** Default idle time after which a pooled connection is checked for staleness before reuse. */
    public static final Duration DEFAULT_VALIDATE_AFTER_INACTIVITY = Duration.ofSeconds(1);

    /** Default of {@link #failoverBudget()}. */
    public static final Duration DEFAULT_FAILOVER_BUDGET = Duration.ofSeconds(30);
    /** Default of {@link #quarantineBackoff()}. */
    public static final Duration DEFAULT_QUARANTINE_BACKOFF = Duration.ofMillis(500);
    /** Default of {@link #maxQuarantineBackoff()}. */
    public static final Duration DEFAULT_MAX_QUARANTINE_BACKOFF = Duration.ofSeconds(10);

    private final Endpoint endpoint;
    private final List<Endpoint> endpoints;
    private final LoadBalancing loadBalancing;
    private final String cluster;
    private final Duration failoverBudget;
    private final Duration quarantineBackoff;
    private final Duration maxQuarantineBackoff;
    private final String user;
    private final String password;
    private final boolean basicAuth;
    private final String bearerToken;
    private final String database;
    private final Compression compression;
    private final int compressionLevel;
    private final boolean forceResponseCompression;
    private final String sessionId;
    private final Duration sessionTimeout;
    private final TimeZoneRule timeZoneRule;
    private final Map<String, String> settings;
    private final Map<String, String> headers;
    private final int maxConnectionsTotal;
    private final int maxConnectionsPerRoute;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration idleEviction;
    private final Duration validateAfterInactivity;
    private final TlsOptions tls;
    private final String userAgent;
    private final HttpClientCustomizer httpClientCustomizer;
    private final Function<ClickHouseClientConfig, Transport> transportFactory;
    private final RequestListener requestListener;
    private final ClickHouseObserver observer;
    private final ReadFormats readFormats;

    ClickHouseClientConfig(ClickHouseClientBuilder b) {
        this.endpoint = Endpoint.of(b.endpoint);
        List<Endpoint> all = new ArrayList<>();
        all.add(endpoint);
        b.moreEndpoints.forEach(uri -> all.add(Endpoint.of(uri)));
        this.endpoints = List.copyOf(all);
        this.loadBalancing = b.loadBalancing;
        this.cluster = b.cluster;
        this.failoverBudget = b.failoverBudget;
        this.quarantineBackoff = b.quarantineBackoff;
        this.maxQuarantineBackoff = b.maxQuarantineBackoff;
        this.user = b.user;
        this.password = b.password;
        this.basicAuth = b.basicAuth;
        this.bearerToken = b.bearerToken;
        this.database = b.database;
        this.compression = b.compression;
        this.compressionLevel = b.compressionLevel;
        this.forceResponseCompression = b.forceResponseCompression;
        this.sessionId = b.sessionId;
        this.sessionTimeout = b.sessionTimeout;
        this.timeZoneRule = b.timeZoneRule;
        this.readFormats = b.readFormats;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.maxConnectionsTotal = b.maxConnectionsTotal;
        this.maxConnectionsPerRoute = b.maxConnectionsPerRoute;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.idleEviction = b.idleEviction;
        this.validateAfterInactivity = b.validateAfterInactivity;
        this.tls = b.tls.build();
        this.userAgent = b.userAgent;
        this.httpClientCustomizer = b.httpClientCustomizer;
        this.transportFactory = b.transportFactory;
        this.requestListener = b.requestListener;
        this.observer = b.observer;
    }

    /** A builder holding this configuration, to derive a changed copy. */
    public ClickHouseClientBuilder toBuilder() {
        return new ClickHouseClientBuilder(this);
    }

    /** Where requests go: {@code http(s)://host:port}, with an optional path prefix for proxies. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Every endpoint, the {@link #endpoint() first} included, in the order given; more than one when the client
     * spreads requests over several servers.
     */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** How requests are spread over several endpoints. */
    public LoadBalancing loadBalancing() {
        return loadBalancing;
    }

    /** The cluster name for {@code ON CLUSTER} DDL and sharded inserters, when one was configured. */
    public Optional<String> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** How long a failed request may go on trying other endpoints. */
    public Duration failoverBudget() {
        return failoverBudget;
    }

    /** How long a failed endpoint is left alone before its first probe. */
    public Duration quarantineBackoff() {
        return quarantineBackoff;
    }

    /** The longest wait between probes of an endpoint that keeps failing. */
    public Duration maxQuarantineBackoff() {
        return maxQuarantineBackoff;
    }

    /** The user name, when one was configured; otherwise the server's {@code default} user applies. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password, when one was configured. Never logged. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Whether credentials go in {@code Authorization: Basic} rather than the {@code X-ClickHouse-User/Key} headers. */
    public boolean basicAuth() {
        return basicAuth;
    }

    /** The bearer token, when one was configured. Never logged. */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    /** The default database of requests, when one was configured; otherwise the user's default database. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The body compression (default {@link Compression#LZ4}). */
    public Compression compression() {
        return compression;
    }

    /** The compression level; 0 for the method's default. */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** The read formats of the client's untyped reads; a query's own win ({@link ReadFormats#NONE} by default). */
    public ReadFormats readFormats() {
        return readFormats;
    }

    /** Whether LZ4 responses are asked for whatever the server version (default {@code false}). */
    public boolean forceResponseCompression() {
        return forceResponseCompression;
    }

    /** The server session every request runs in, when one was configured ({@code session_id}); a request's own wins. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** How long the server keeps the {@link #sessionId() session} after each request, when configured. */
    public Optional<Duration> sessionTimeout() {
        return Optional.ofNullable(sessionTimeout);
    }

    /** Whose wall clock a {@code LocalDateTime} is (default {@link TimeZoneRule#UTC}); see {@link TimeZoneRule}. */
    public TimeZoneRule timeZoneRule() {
        return timeZoneRule;
    }

    /** ClickHouse settings sent with every request, in the order they were given; a request's own win. */
    public Map<String, String> settings() {
        return settings;
    }

    /** Extra HTTP headers sent with every request. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The most pooled connections over all routes. */
    public int maxConnectionsTotal() {
        return maxConnectionsTotal;
    }

    /** The most pooled connections to one host. */
    public int maxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    /** The longest wait for a TCP (and TLS) connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The longest wait for response bytes (socket read timeout); a request may set its own. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** Idle time after which pooled connections are closed. */
    public Duration idleEviction() {
        return idleEviction;
    }

    /** Idle time after which a pooled connection is checked before it is reused. */
    public Duration validateAfterInactivity() {
        return validateAfterInactivity;
    }

    /** The TLS options (used for {@code https} endpoints). */
    public TlsOptions tls() {
        return tls;
    }

    /** A product token appended to the client's User-Agent, when one was configured. */
    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /** A last say over the HTTP transport's HttpClient builder, when one was configured. */
    public Optional<HttpClientCustomizer> httpClientCustomizer() {
        return Optional.ofNullable(httpClientCustomizer);
    }

    /** A factory replacing the HTTP transport (an in-process engine, or a test double), when one was configured. */
    public Optional<Function<ClickHouseClientConfig, Transport>> transportFactory() {
        return Optional.ofNullable(transportFactory);
    }

    /** The listener told about every finished request, when one was configured. */
    public Optional<RequestListener> requestListener() {
        return Optional.ofNullable(requestListener);
    }

    /** The observer of requests and Inserter batches (tracing), when one was configured. */
    public Optional<ClickHouseObserver> observer() {
        return Optional.ofNullable(observer);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ClickHouseClientConfig[endpoint").append(endpoints.size() > 1 ? "s=" : "=")
                .append(endpoints.size() > 1 ? endpoints.toString() : endpoint.toString());
        if (endpoints.size() > 1) {
            sb.append(", loadBalancing=").append(loadBalancing.urlName());
        }
        if (cluster != null) {
            sb.append(", cluster=").append(cluster);
        }
        sb.append(", user=").append(user == null ? "(server default)" : user);
        if (password != null) {
            sb.append(", password=***");
        }
        if (bearerToken != null) {
            sb.append(", bearerToken=***");
        }
        if (basicAuth) {
            sb.append(", basicAuth=true");
        }
        if (database != null) {
            sb.append(", database=").append(database);
        }
        sb.append(", compression=").append(compression);
        if (compressionLevel != 0) {
            sb.append('(').append(compressionLevel).append(')');
        }
        if (forceResponseCompression) {
            sb.append(", forceResponseCompression=true");
        }
        if (sessionId != null) {
            sb.append(", sessionId=").append(sessionId);
        }
        if (sessionTimeout != null) {
            sb.append(", sessionTimeout=").append(sessionTimeout);
        }
        if (timeZoneRule != TimeZoneRule.UTC) {
            sb.append(", timeZoneRule=").append(timeZoneRule.urlName());
        }
        if (!readFormats.isEmpty()) {
            sb.append(", readFormats=").append(readFormats);
        }
        sb.append(", settings=").append(settings);
        if (!headers.isEmpty()) {
            sb.append(", headers=").append(headers.keySet());
        }
        sb.append(", maxConnectionsTotal=").append(maxConnectionsTotal)
                .append(", maxConnectionsPerRoute=").append(maxConnectionsPerRoute)
                .append(", connectTimeout=").append(connectTimeout)
                .append(", responseTimeout=").append(responseTimeout)
                .append(", idleEviction=").append(idleEviction)
                .append(", validateAfterInactivity=").append(validateAfterInactivity);
        if (tls.isCustomized()) {
            sb.append(", tls=").append(tls);
        }
        if (userAgent != null) {
            sb.append(", userAgent=").append(userAgent);
        }
        if (transportFactory != null) {
            sb.append(", transportFactory=custom");
        }
        if (requestListener != null) {
            sb.append(", requestListener=").append(requestListener.getClass().getName());
        }
        if (observer != null) {
            sb.append(", observer=").append(observer.getClass().getName());
        }
        return sb.append(']').toString();
    }
}
