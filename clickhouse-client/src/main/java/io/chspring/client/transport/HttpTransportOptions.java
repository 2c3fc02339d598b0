package io.chspring.client.transport;

import io.chspring.client.ClickHouseConfigurationException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Immutable configuration of an {@link HttpTransport}: endpoint, credentials, pool, timeouts and TLS.
 * {@link #toString()} never shows a password, token, key store password or custom header value.
 */
public final class HttpTransportOptions {

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

    private final URI endpoint;
    private final String user;
    private final String password;
    private final boolean basicAuth;
    private final String bearerToken;
    private final Map<String, String> headers;
    private final int maxConnectionsTotal;
    private final int maxConnectionsPerRoute;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration idleEviction;
    private final Duration validateAfterInactivity;
    private final TlsOptions tls;
    private final String userAgent;
    private final Consumer<HttpClientBuilder> customizer;

    private HttpTransportOptions(Builder b) {
        this.endpoint = b.endpoint;
        this.user = b.user;
        this.password = b.password;
        this.basicAuth = b.basicAuth;
        this.bearerToken = b.bearerToken;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.maxConnectionsTotal = b.maxConnectionsTotal;
        this.maxConnectionsPerRoute = b.maxConnectionsPerRoute;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.idleEviction = b.idleEviction;
        this.validateAfterInactivity = b.validateAfterInactivity;
        this.tls = b.tls.copy();
        this.userAgent = b.userAgent;
        this.customizer = b.customizer;
    }

    /** A builder with the defaults: 32/16 connections, 10 s connect, 5 min response, 2 s idle eviction. */
    public static Builder builder() {
        return new Builder();
    }

    /** The server's base URI: {@code http(s)://host:port[/path-prefix]}. */
    public URI endpoint() {
        return endpoint;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean basicAuth() {
        return basicAuth;
    }

    String bearerToken() {
        return bearerToken;
    }

    Map<String, String> headers() {
        return headers;
    }

    int maxConnectionsTotal() {
        return maxConnectionsTotal;
    }

    int maxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration responseTimeout() {
        return responseTimeout;
    }

    Duration idleEviction() {
        return idleEviction;
    }

    Duration validateAfterInactivity() {
        return validateAfterInactivity;
    }

    TlsOptions tls() {
        return tls;
    }

    String userAgent() {
        return userAgent;
    }

    Consumer<HttpClientBuilder> customizer() {
        return customizer;
    }

    boolean secure() {
        return "https".equalsIgnoreCase(endpoint.getScheme());
    }

    @Override
    public String toString() {
        String auth = bearerToken != null ? "bearer(****)"
                : user == null ? "none"
                : (basicAuth ? "basic(" : "headers(") + user + ", ****)";
        return "HttpTransportOptions[endpoint=" + endpoint + ", auth=" + auth
                + ", headers=" + headers.keySet()
                + ", maxConnectionsTotal=" + maxConnectionsTotal + ", maxConnectionsPerRoute=" + maxConnectionsPerRoute
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", idleEviction=" + idleEviction + ", validateAfterInactivity=" + validateAfterInactivity
                + ", tls=" + tls + ", userAgent=" + userAgent
                + ", customizer=" + (customizer != null) + ']';
    }

    /** Builds {@link HttpTransportOptions}; {@link #build()} validates and names the option at fault. */
    public static final class Builder {

        private URI endpoint;
        private String user;
        private String password;
        private boolean basicAuth;
        private String bearerToken;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int maxConnectionsTotal = DEFAULT_MAX_CONNECTIONS_TOTAL;
        private int maxConnectionsPerRoute = DEFAULT_MAX_CONNECTIONS_PER_ROUTE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private Duration idleEviction = DEFAULT_IDLE_EVICTION;
        private Duration validateAfterInactivity = DEFAULT_VALIDATE_AFTER_INACTIVITY;
        private final TlsOptions tls = new TlsOptions();
        private String userAgent;
        private Consumer<HttpClientBuilder> customizer;

        private Builder() {
        }

        /** The server's base URI, {@code http(s)://host:port[/path-prefix]}; required. */
        public Builder endpoint(URI uri) {
            this.endpoint = uri;
            return this;
        }

        /** User and password, sent as X-ClickHouse-User / X-ClickHouse-Key unless {@link #basicAuth(boolean)}. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password == null ? "" : password;
            return this;
        }

        /** Whether to send the credentials as {@code Authorization: Basic} instead of the X-ClickHouse headers. */
        public Builder basicAuth(boolean useBasic) {
            this.basicAuth = useBasic;
            return this;
        }

        /** A token sent as {@code Authorization: Bearer} (modern servers, proxies); excludes credentials. */
        public Builder bearerToken(String token) {
            this.bearerToken = token;
            return this;
        }

        /** A custom header sent on every request; its value is never shown by {@code toString()}. */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            headers.put(name, value);
            return this;
        }

        /** The pool's limit over all routes; default 32. */
        public Builder maxConnectionsTotal(int n) {
            this.maxConnectionsTotal = n;
            return this;
        }

        /** The pool's limit per host; default 16. */
        public Builder maxConnectionsPerRoute(int n) {
            this.maxConnectionsPerRoute = n;
            return this;
        }

        /** The longest wait to open a connection (and to lease one from a full pool); default 10 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /** The longest wait for response bytes (socket read timeout); default 5 min; a request may override it. */
        public Builder responseTimeout(Duration d) {
            this.responseTimeout = d;
            return this;
        }

        /** Idle pooled connections are closed after this; keep it below the server's keep-alive; default 2 s. */
        public Builder idleEviction(Duration d) {
            this.idleEviction = d;
            return this;
        }

        /** A pooled connection idle this long is checked for staleness before reuse; default 1 s. */
        public Builder validateAfterInactivity(Duration d) {
            this.validateAfterInactivity = d;
            return this;
        }

        /** A ready TLS context (for example a Spring Boot SSL bundle); wins over the TLS file options. */
        public Builder sslContext(SSLContext ctx) {
            tls.sslContext = ctx;
            return this;
        }

        /** Trust the CA certificates in this PEM file (one or more X.509 certificates) instead of the JDK's. */
        public Builder trustCertificates(Path pem) {
            tls.trustCertificates = pem;
            return this;
        }

        /** Trust the certificates of this key store instead of the JDK's; type e.g. PKCS12 or JKS. */
        public Builder trustStore(Path path, char[] password, String type) {
            tls.trustStore = new TlsOptions.Store(path, password, type);
            return this;
        }

        /** Client certificate (PEM) and its unencrypted PKCS#8 private key (PEM) for mutual TLS. */
        public Builder clientCertificate(Path certPem, Path keyPem) {
            tls.clientCertificate = certPem;
            tls.clientKey = keyPem;
            return this;
        }

        /** A key store holding the client certificate and key for mutual TLS. */
        public Builder keyStore(Path path, char[] password, String type) {
            tls.keyStore = new TlsOptions.Store(path, password, type);
            return this;
        }

        /** Whether to check that the server certificate names the endpoint host; default true. */
        public Builder hostnameVerification(boolean on) {
            tls.hostnameVerification = on;
            return this;
        }

        /** Whether to trust any certificate and skip the host name check; for tests only, logs a WARN. */
        public Builder insecure(boolean trustAll) {
            tls.insecure = trustAll;
            return this;
        }

        /** A product token appended to {@code chspring/<version> (Java <version>)}, e.g. {@code my-app/1.2}. */
        public Builder userAgent(String productToken) {
            this.userAgent = productToken;
            return this;
        }

        /** Last-word access to the HttpClient builder, applied after every option here. */
        public Builder customizer(Consumer<HttpClientBuilder> c) {
            this.customizer = c;
            return this;
        }

        /** Validates and builds; throws {@link ClickHouseConfigurationException} naming the option at fault. */
        public HttpTransportOptions build() {
            validateEndpoint();
            validateAuth();
            validateHeaders();
            positive("maxConnectionsTotal", maxConnectionsTotal);
            positive("maxConnectionsPerRoute", maxConnectionsPerRoute);
            if (maxConnectionsPerRoute > maxConnectionsTotal) {
                throw new ClickHouseConfigurationException("maxConnectionsPerRoute (" + maxConnectionsPerRoute
                        + ") must not exceed maxConnectionsTotal (" + maxConnectionsTotal + ")");
            }
            positive("connectTimeout", connectTimeout);
            positive("responseTimeout", responseTimeout);
            positive("idleEviction", idleEviction);
            if (validateAfterInactivity == null || validateAfterInactivity.isNegative()) {
                throw new ClickHouseConfigurationException("validateAfterInactivity must be zero or positive, was "
                        + validateAfterInactivity);
            }
            tls.validate("https".equalsIgnoreCase(endpoint.getScheme()), endpoint);
            if (userAgent != null && (userAgent.isBlank() || hasLineBreak(userAgent))) {
                throw new ClickHouseConfigurationException("userAgent must be a non-blank single-line token");
            }
            return new HttpTransportOptions(this);
        }

        private void validateEndpoint() {
            if (endpoint == null) {
                throw new ClickHouseConfigurationException("endpoint is required (http(s)://host:port)");
            }
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ClickHouseConfigurationException("endpoint scheme must be http or https, was '" + scheme + "'");
            }
            if (endpoint.getHost() == null) {
                throw new ClickHouseConfigurationException("endpoint has no host: " + safe(endpoint));
            }
            if (endpoint.getRawUserInfo() != null) {
                throw new ClickHouseConfigurationException(
                        "endpoint must not carry user info; use credentials(user, password): " + safe(endpoint));
            }
            if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
                throw new ClickHouseConfigurationException(
                        "endpoint must not have a query or fragment; pass settings per request: " + safe(endpoint));
            }
        }

        private void validateAuth() {
            if (user != null && user.isBlank()) {
                throw new ClickHouseConfigurationException("credentials: user must not be blank");
            }
            if (bearerToken != null && bearerToken.isBlank()) {
                throw new ClickHouseConfigurationException("bearerToken must not be blank");
            }
            if (bearerToken != null && user != null) {
                // ClickHouse rejects a request that mixes authentication methods (code 194, MATRIX.md).
                throw new ClickHouseConfigurationException("bearerToken and credentials are exclusive: set only one");
            }
            if (basicAuth && user == null) {
                throw new ClickHouseConfigurationException("basicAuth(true) needs credentials(user, password)");
            }
            if ((user != null && (hasLineBreak(user) || hasLineBreak(password)))
                    || (bearerToken != null && hasLineBreak(bearerToken))) {
                throw new ClickHouseConfigurationException("credentials and bearerToken must not contain line breaks");
            }
        }

        private void validateHeaders() {
            boolean authConfigured = user != null || bearerToken != null;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                String name = h.getKey();
                if (name.isBlank() || hasLineBreak(name) || name.indexOf(':') >= 0 || hasLineBreak(h.getValue())) {
                    throw new ClickHouseConfigurationException("header '" + name.strip()
                            + "': name must be a token and value a single line");
                }
                if (name.equalsIgnoreCase(ClickHouseHttp.HEADER_USER_AGENT)) {
                    throw new ClickHouseConfigurationException("header 'User-Agent': use userAgent(productToken)");
                }
                boolean authHeader = name.equalsIgnoreCase(ClickHouseHttp.HEADER_AUTHORIZATION)
                        || name.equalsIgnoreCase(ClickHouseHttp.HEADER_USER)
                        || name.equalsIgnoreCase(ClickHouseHttp.HEADER_KEY);
                if (authHeader && authConfigured) {
                    throw new ClickHouseConfigurationException("header '" + name
                            + "' conflicts with credentials/bearerToken: ClickHouse rejects mixed authentication (194)");
                }
            }
        }

        private static void positive(String option, int n) {
            if (n < 1) {
                throw new ClickHouseConfigurationException(option + " must be at least 1, was " + n);
            }
        }

        private static void positive(String option, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ClickHouseConfigurationException(option + " must be positive, was " + d);
            }
        }

        private static boolean hasLineBreak(String s) {
            return s != null && (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0);
        }

        private static String safe(URI uri) {
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        }
    }
}
