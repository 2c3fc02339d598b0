package io.chspring.client;

import io.chspring.client.cluster.LoadBalancing;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.request.Settings;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.client.rowbinary.ReadFormat;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.transport.HttpClientCustomizer;
import io.chspring.client.transport.TlsOptions;
import io.chspring.client.transport.Transport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Builds a {@link ClickHouseClient} or its {@link ClickHouseClientConfig}. Not thread-safe; every option is checked
 * when the configuration is built, and errors name the option (never a secret value).
 */
public final class ClickHouseClientBuilder {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> AUTH_HEADERS = Set.of("authorization", "x-clickhouse-user", "x-clickhouse-key");

    URI endpoint;
    /** Endpoints after the first ({@link #endpoint}), for a client spreading requests over several servers. */
    final List<URI> moreEndpoints = new ArrayList<>();
    LoadBalancing loadBalancing = LoadBalancing.ROUND_ROBIN;
    String cluster;
    Duration failoverBudget = ClickHouseClientConfig.DEFAULT_FAILOVER_BUDGET;
    Duration quarantineBackoff = ClickHouseClientConfig.DEFAULT_QUARANTINE_BACKOFF;
    Duration maxQuarantineBackoff = ClickHouseClientConfig.DEFAULT_MAX_QUARANTINE_BACKOFF;
    String user;
    String password;
    boolean basicAuth;
    String bearerToken;
    String database;
    Compression compression = Compression.LZ4;
    int compressionLevel;
    boolean forceResponseCompression;
    String sessionId;
    TimeZoneRule timeZoneRule = TimeZoneRule.UTC;
    Duration sessionTimeout;
    final Map<String, String> settings = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    int maxConnectionsTotal = ClickHouseClientConfig.DEFAULT_MAX_CONNECTIONS_TOTAL;
    int maxConnectionsPerRoute = ClickHouseClientConfig.DEFAULT_MAX_CONNECTIONS_PER_ROUTE;
    Duration connectTimeout = ClickHouseClientConfig.DEFAULT_CONNECT_TIMEOUT;
    Duration responseTimeout = ClickHouseClientConfig.DEFAULT_RESPONSE_TIMEOUT;
    Duration idleEviction = ClickHouseClientConfig.DEFAULT_IDLE_EVICTION;
    Duration validateAfterInactivity = ClickHouseClientConfig.DEFAULT_VALIDATE_AFTER_INACTIVITY;
    final TlsOptions.Builder tls;
    String userAgent;
    HttpClientCustomizer httpClientCustomizer;
    Function<ClickHouseClientConfig, Transport> transportFactory;
    RequestListener requestListener;
    ClickHouseObserver observer;
    ReadFormats readFormats = ReadFormats.NONE;

    ClickHouseClientBuilder() {
        this.tls = TlsOptions.DEFAULT.toBuilder();
    }

    ClickHouseClientBuilder(ClickHouseClientConfig c) {
        this.endpoint = c.endpoint().uri();
        c.endpoints().stream().skip(1).forEach(e -> moreEndpoints.add(e.uri()));
        this.loadBalancing = c.loadBalancing();
        this.cluster = c.cluster().orElse(null);
        this.failoverBudget = c.failoverBudget();
        this.quarantineBackoff = c.quarantineBackoff();
        this.maxQuarantineBackoff = c.maxQuarantineBackoff();
        this.user = c.user().orElse(null);
        this.password = c.password().orElse(null);
        this.basicAuth = c.basicAuth();
        this.bearerToken = c.bearerToken().orElse(null);
        this.database = c.database().orElse(null);
        this.compression = c.compression();
        this.compressionLevel = c.compressionLevel();
        this.forceResponseCompression = c.forceResponseCompression();
        this.sessionId = c.sessionId().orElse(null);
        this.timeZoneRule = c.timeZoneRule();
        this.sessionTimeout = c.sessionTimeout().orElse(null);
        this.settings.putAll(c.settings());
        this.headers.putAll(c.headers());
        this.maxConnectionsTotal = c.maxConnectionsTotal();
        this.maxConnectionsPerRoute = c.maxConnectionsPerRoute();
        this.connectTimeout = c.connectTimeout();
        this.responseTimeout = c.responseTimeout();
        this.idleEviction = c.idleEviction();
        this.validateAfterInactivity = c.validateAfterInactivity();
        this.tls = c.tls().toBuilder();
        this.userAgent = c.userAgent().orElse(null);
        this.httpClientCustomizer = c.httpClientCustomizer().orElse(null);
        this.transportFactory = c.transportFactory().orElse(null);
        this.requestListener = c.requestListener().orElse(null);
        this.observer = c.observer().orElse(null);
        this.readFormats = c.readFormats();
    }

    /**
     * Applies a URL such as {@code https://user:p%40ss@host:8443/db?compression=none&max_threads=4}; see
     * {@link ClickHouseClient#fromUrl(String)} for the keys it understands. Options set later override it.
     */
    public ClickHouseClientBuilder url(String url) {
        ClickHouseUrl.apply(url, this);
        return this;
    }

    /**
     * Applies {@code CLICKHOUSE_URL} (required) and, when present, {@code CLICKHOUSE_USER} and
     * {@code CLICKHOUSE_PASSWORD}, which override the URL's credentials.
     */
    ClickHouseClientBuilder env(Map<String, String> env) {
        String url = env.get("CLICKHOUSE_URL");
        if (url == null || url.isBlank()) {
            throw new ClickHouseConfigurationException("Environment variable CLICKHOUSE_URL is not set; it must hold "
                    + "the server URL, for example http://localhost:8123/mydb");
        }
        try {
            url(url);
        } catch (ClickHouseConfigurationException e) {
            throw new ClickHouseConfigurationException("Environment variable CLICKHOUSE_URL: " + e.getMessage(), e);
        }
        String envUser = env.get("CLICKHOUSE_USER");
        if (envUser != null && !envUser.isEmpty()) {
            this.user = envUser;
        }
        String envPassword = env.get("CLICKHOUSE_PASSWORD");
        if (envPassword != null) {
            this.password = envPassword;
        }
        return this;
    }

    /** The server's base URI, {@code http(s)://host:port} with an optional path prefix (for a proxy). */
    public ClickHouseClientBuilder endpoint(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.moreEndpoints.clear();
        return this;
    }

    /**
     * Several servers (replicas, or the nodes of a cluster) to spread requests over by the
     * {@link #loadBalancing(LoadBalancing) load-balancing policy}, each {@code http(s)://host:port}; all with one
     * scheme. Replaces {@link #endpoint(URI)}.
     */
    public ClickHouseClientBuilder endpoints(List<URI> endpoints) {
        if (endpoints == null || endpoints.isEmpty()) {
            throw new ClickHouseConfigurationException("endpoints is empty");
        }
        this.endpoint = Objects.requireNonNull(endpoints.get(0), "endpoint 1");
        this.moreEndpoints.clear();
        for (int i = 1; i < endpoints.size(); i++) {
            moreEndpoints.add(Objects.requireNonNull(endpoints.get(i), "endpoint " + (i + 1)));
        }
        return this;
    }

    /** {@link #endpoints(List)} from text, each {@code http(s)://host:port}; a malformed one is named. */
    public ClickHouseClientBuilder endpointUrls(List<String> endpoints) {
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            String text = endpoints.get(i) == null ? "" : endpoints.get(i).strip();
            try {
                uris.add(new URI(text));
            } catch (java.net.URISyntaxException e) {
                throw new ClickHouseConfigurationException("Endpoint " + (i + 1) + " ('" + text + "') is malformed: "
                        + e.getReason());
            }
        }
        return endpoints(uris);
    }

    /** How requests are spread over several endpoints (default {@link LoadBalancing#ROUND_ROBIN}). */
    public ClickHouseClientBuilder loadBalancing(LoadBalancing policy) {
        this.loadBalancing = Objects.requireNonNull(policy, "loadBalancing");
        return this;
    }

    /**
     * The cluster (a name in the servers' {@code system.clusters}) for {@link ClickHouseClient#executeOnCluster} and
     * {@link ClickHouseClient#shardedInserter}.
     */
    public ClickHouseClientBuilder cluster(String cluster) {
        this.cluster = cluster;
        return this;
    }

    /**
     * How long a request that failed on one endpoint may go on trying others (default 30 s); only requests that are
     * safe to repeat move, see {@link ClickHouseClient}.
     */
    public ClickHouseClientBuilder failoverBudget(Duration budget) {
        this.failoverBudget = budget;
        return this;
    }

    /**
     * How long a failed endpoint is left alone before the first background probe (default 500 ms), doubling with
     * each failed probe up to {@code max} (default 10 s).
     */
    public ClickHouseClientBuilder quarantineBackoff(Duration first, Duration max) {
        this.quarantineBackoff = first;
        this.maxQuarantineBackoff = max;
        return this;
    }

    /** The server's base URI as text; see {@link #endpoint(URI)}. */
    public ClickHouseClientBuilder endpoint(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        try {
            return endpoint(new URI(endpoint));
        } catch (java.net.URISyntaxException e) {
            throw new ClickHouseConfigurationException("Invalid endpoint: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /** The user and password; the password may be empty. */
    public ClickHouseClientBuilder credentials(String user, String password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    /** The user name alone (the password stays as it was). */
    public ClickHouseClientBuilder user(String user) {
        this.user = user;
        return this;
    }

    /** The password alone (the user stays as it was; {@code default} when none). */
    public ClickHouseClientBuilder password(String password) {
        this.password = password;
        return this;
    }

    /** Whether to send {@code Authorization: Basic} instead of the {@code X-ClickHouse-User/Key} headers. */
    public ClickHouseClientBuilder basicAuth(boolean basicAuth) {
        this.basicAuth = basicAuth;
        return this;
    }

    /** A bearer token sent as {@code Authorization: Bearer} (modern servers, proxies); excludes a password. */
    public ClickHouseClientBuilder bearerToken(String token) {
        this.bearerToken = token;
        return this;
    }

    /** The default database of every request. */
    public ClickHouseClientBuilder database(String database) {
        this.database = database;
        return this;
    }

    /**
     * A server session for every request of the client ({@code session_id}): temporary tables and {@code SET} persist
     * between its requests. A session serves one request at a time (concurrent use fails with code 373), so a client
     * with a session suits one thread, or a pool of one. {@code null} for none.
     */
    public ClickHouseClientBuilder session(String id) {
        if (id != null && id.isBlank()) {
            throw new ClickHouseConfigurationException("session id is blank");
        }
        this.sessionId = id;
        return this;
    }

    /**
     * How long the server keeps the {@link #session(String) session} after each request (whole seconds; the server
     * caps it, 3600 s by default); {@code null} for the server's default (60 s).
     */
    public ClickHouseClientBuilder sessionTimeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new ClickHouseConfigurationException("sessionTimeout must be positive, not " + timeout);
        }
        this.sessionTimeout = timeout;
        return this;
    }

    /**
     * Whose wall clock a {@code LocalDateTime} is when it is read from or written to a DateTime/DateTime64 column or
     * bound to a query: {@link TimeZoneRule#UTC} (the default), the session's or server's zone
     * ({@link TimeZoneRule#SERVER}), or the column's zone falling back to those ({@link TimeZoneRule#COLUMN}). URL key
     * {@code time_zone_rule=utc|server|column}.
     */
    public ClickHouseClientBuilder timeZoneRule(TimeZoneRule rule) {
        this.timeZoneRule = Objects.requireNonNull(rule, "timeZoneRule");
        return this;
    }

    /**
     * The session time zone of every request ({@code session_timezone}, ClickHouse 23.6+): DateTime columns without a
     * zone of their own are shown, parsed and computed in it instead of the server's zone, and the client reads and
     * writes them the same way. Checked against the JVM's zones now, and against the server's version on the first
     * request (older servers have no such setting). {@code null} to leave it unset.
     */
    public ClickHouseClientBuilder sessionTimeZone(ZoneId zone) {
        if (zone == null) {
            settings.remove(Settings.SESSION_TIMEZONE);
        } else {
            settings.put(Settings.SESSION_TIMEZONE, zone.getId());
        }
        return this;
    }

    /**
     * The Java form of values of the ClickHouse type {@code typeName} in every untyped read of the client (maps,
     * {@code Object[]} rows, {@code Object} values), for example {@code readFormat("IPv4", ReadFormat.STRING)}; a
     * query's own choice wins. See {@code Query.readFormat} and TYPES.md.
     *
     * @throws ClickHouseConfigurationException naming the type when it is unknown or the format does not apply to it
     */
    public ClickHouseClientBuilder readFormat(String typeName, ReadFormat format) {
        this.readFormats = readFormats.withType(typeName, format);
        return this;
    }

    /** Adds the type (and column) formats of {@code formats} to the client's defaults; they win over earlier ones. */
    public ClickHouseClientBuilder readFormats(ReadFormats formats) {
        this.readFormats = readFormats.and(Objects.requireNonNull(formats, "formats"));
        return this;
    }

    /** The body compression (default {@link Compression#LZ4}), at its default level. */
    public ClickHouseClientBuilder compression(Compression compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
        this.compressionLevel = 0;
        return this;
    }

    /**
     * The body compression at a level: {@link Compression#ZSTD} -7 to 22, {@link Compression#LZ4HC} 1 to 17; 0 is the
     * method's default. A level out of range, or a level for LZ4 or NONE, fails when the client is built.
     */
    public ClickHouseClientBuilder compression(Compression compression, int level) {
        this.compression = Objects.requireNonNull(compression, "compression");
        this.compressionLevel = level;
        return this;
    }

    /** The level of the compression already chosen (0: the method's default); see {@link #compression(Compression, int)}. */
    public ClickHouseClientBuilder compressionLevel(int level) {
        this.compressionLevel = level;
        return this;
    }

    /**
     * Whether to ask for LZ4 responses whatever the server version says (see
     * {@link ServerCapabilities#responseCompressionUsable()}); for a fixed 18.x build, or a proxy that hides it.
     */
    public ClickHouseClientBuilder forceResponseCompression(boolean force) {
        this.forceResponseCompression = force;
        return this;
    }

    /** A ClickHouse setting for every request, for example {@code ("max_threads", 4)}; booleans go as 1/0. */
    public ClickHouseClientBuilder setting(String name, Object value) {
        settings.put(Settings.checkName(name), Settings.valueText(name, value));
        return this;
    }

    /** Several settings, in the map's order. */
    public ClickHouseClientBuilder settings(Map<String, ?> settings) {
        settings.forEach(this::setting);
        return this;
    }

    /** An HTTP header for every request. Authentication headers are refused: use the credential options. */
    public ClickHouseClientBuilder header(String name, String value) {
        if (name == null || !HEADER_NAME.matcher(name).matches()) {
            throw new ClickHouseConfigurationException("Invalid HTTP header name '" + name + "'");
        }
        if (AUTH_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ClickHouseConfigurationException("Header '" + name + "' is set by the client; use credentials(...)"
                    + " or bearerToken(...)");
        }
        headers.put(name, Objects.requireNonNull(value, () -> "value of header " + name));
        return this;
    }

    /** The most pooled connections over all routes (default 32). */
    public ClickHouseClientBuilder maxConnectionsTotal(int n) {
        this.maxConnectionsTotal = n;
        return this;
    }

    /** The most pooled connections to one host (default 16). */
    public ClickHouseClientBuilder maxConnectionsPerRoute(int n) {
        this.maxConnectionsPerRoute = n;
        return this;
    }

    /** The longest wait for a connection (default 10 s). */
    public ClickHouseClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** The longest wait for response bytes (default 5 min); {@code Query.timeout} overrides it per request. */
    public ClickHouseClientBuilder responseTimeout(Duration timeout) {
        this.responseTimeout = timeout;
        return this;
    }

    /** Idle time after which pooled connections are closed (default 2 s, below 18.16's 3 s keep-alive). */
    public ClickHouseClientBuilder idleEviction(Duration idle) {
        this.idleEviction = idle;
        return this;
    }

    /** Idle time after which a pooled connection is checked before reuse (default 1 s). */
    public ClickHouseClientBuilder validateAfterInactivity(Duration idle) {
        this.validateAfterInactivity = idle;
        return this;
    }

    /** An SSL context to use as is; wins over the file-based TLS options. */
    public ClickHouseClientBuilder sslContext(SSLContext context) {
        tls.sslContext(context);
        return this;
    }

    /** A PEM file of CA certificates to trust. */
    public ClickHouseClientBuilder trustCertificates(Path pem) {
        tls.trustCertificates(pem);
        return this;
    }

    /** A trust store; the password array is copied. */
    public ClickHouseClientBuilder trustStore(Path path, char[] password, String type) {
        tls.trustStore(new TlsOptions.KeyStoreFile(Objects.requireNonNull(path, "trustStore path"), password, type));
        return this;
    }

    /** A client certificate and its PKCS#8 key, both PEM, for mutual TLS. */
    public ClickHouseClientBuilder clientCertificate(Path certificatePem, Path keyPem) {
        tls.clientCertificate(Objects.requireNonNull(certificatePem, "clientCertificate"),
                Objects.requireNonNull(keyPem, "clientKey"));
        return this;
    }

    /** A key store with the client certificate for mutual TLS; the password array is copied. */
    public ClickHouseClientBuilder keyStore(Path path, char[] password, String type) {
        tls.keyStore(new TlsOptions.KeyStoreFile(Objects.requireNonNull(path, "keyStore path"), password, type));
        return this;
    }

    /** Whether the server's host name must match its certificate (default {@code true}). */
    public ClickHouseClientBuilder hostnameVerification(boolean on) {
        tls.hostnameVerification(on);
        return this;
    }

    /** Whether to trust any certificate and skip the host name check; for tests only. */
    public ClickHouseClientBuilder insecure(boolean trustAll) {
        tls.insecure(trustAll);
        return this;
    }

    /** A product token appended to the User-Agent, for example {@code "billing-service/1.2"}. */
    public ClickHouseClientBuilder userAgent(String productToken) {
        this.userAgent = productToken;
        return this;
    }

    /**
     * A last say over the HTTP transport's Apache HttpClient builder, applied after every option here (for example a
     * keep-alive strategy, a proxy or an interceptor); {@code null} for none. Without one the transport sends through
     * HttpClient's minimal client, which has no exec chain for such additions to act in; with one it builds the full
     * client.
     */
    public ClickHouseClientBuilder httpClientCustomizer(HttpClientCustomizer customizer) {
        this.httpClientCustomizer = customizer;
        return this;
    }

    /**
     * Replaces the HTTP transport: the client calls the factory once when it is built, owns the transport it
     * returns and closes it with the root client.
     */
    public ClickHouseClientBuilder transport(Function<ClickHouseClientConfig, Transport> factory) {
        this.transportFactory = factory;
        return this;
    }

    /** Told about every request once it is over (for metrics); {@code null} for none. */
    public ClickHouseClientBuilder requestListener(RequestListener listener) {
        this.requestListener = listener;
        return this;
    }

    /**
     * Observes every request from start to end and every Inserter batch (for tracing), and may hand each request a
     * W3C trace context to send to the server; {@code null} for none. See {@link ClickHouseObserver}.
     */
    public ClickHouseClientBuilder observer(ClickHouseObserver observer) {
        this.observer = observer;
        return this;
    }

    /**
     * Checks every option and builds the configuration.
     *
     * @throws ClickHouseConfigurationException naming the first option at fault
     */
    public ClickHouseClientConfig buildConfig() {
        ConfigValidator.validate(this);
        return new ClickHouseClientConfig(this);
    }

    /** Builds the configuration and a client on it, with its own connection pool. */
    public ClickHouseClient build() {
        return ClickHouseClient.create(buildConfig());
    }
}
