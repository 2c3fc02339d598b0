package io.chspring.boot.autoconfigure;

import io.chspring.client.Compression;
import io.chspring.client.cluster.LoadBalancing;
import io.chspring.client.rowbinary.TimeZoneRule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection and client options under {@code clickhouse.*}. The URL may carry the user, password, database and
 * client options itself ({@code http://user:pass@host:8123/db?max_threads=4}); the separate properties override
 * it. {@code CLICKHOUSE_URL}, {@code CLICKHOUSE_USERNAME} and {@code CLICKHOUSE_PASSWORD} in the environment
 * bind here through relaxed binding. Pool options left unset keep the URL's value or the client's default.
 */
@ConfigurationProperties("clickhouse")
public class ClickHouseProperties {

    /**
     * Server URL, http(s)://[user[:password]@]host[:port][,host[:port]...][/database][?key=value&...]; keys other
     * than the client's own options are ClickHouse settings. Several hosts make requests spread over them.
     */
    private String url = "http://localhost:8123";

    /** User name; overrides the user in the URL. */
    private String username;

    /** Password; overrides the password in the URL. */
    private String password;

    /** Default database of every request; overrides the database in the URL. */
    private String database;

    /**
     * Body compression: lz4 (ClickHouse block framing), lz4hc, zstd (needs com.github.luben:zstd-jni) or none.
     */
    private Compression compression;

    /** Compression level: zstd -7 to 22 (default 1), lz4hc 1 to 17 (default 9); unset for the method's default. */
    private Integer compressionLevel;

    /**
     * Whose wall clock a LocalDateTime is when read from or written to a DateTime/DateTime64 column or bound to a
     * query: utc (the default), server (the session's or server's zone) or column (the column's zone, else the
     * session's or server's).
     */
    private TimeZoneRule timeZoneRule;

    /**
     * Session time zone of every request (the session_timezone setting, ClickHouse 23.6+): DateTime columns without
     * a zone of their own use it instead of the server's zone. Unset by default.
     */
    private ZoneId sessionTimeZone;

    /** Whether to send the credentials as HTTP Basic authentication instead of X-ClickHouse-User/Key headers. */
    private boolean basicAuth;

    /** ClickHouse settings sent with every request, for example max_threads=4 or max_execution_time=30. */
    private Map<String, String> settings = new LinkedHashMap<>();

    /** HTTP headers sent with every request (not the authentication headers). */
    private Map<String, String> headers = new LinkedHashMap<>();

    /**
     * The Java form of values of a ClickHouse type in untyped reads (maps, Object values), by type name, for example
     * IPv4=string, UUID=string, Enum=number, UInt64=long; formats: default, string, bytes, number, long, big_integer,
     * instant, local_date_time, offset_date_time, zoned_date_time.
     */
    private Map<String, String> readFormats = new LinkedHashMap<>();

    /** Product token appended to the client's User-Agent, for example billing-service/1.2. */
    private String userAgent;

    /**
     * Server endpoints, http(s)://host[:port], to spread requests over instead of the URL's host(s); the URL still
     * gives credentials, database and options.
     */
    private List<String> endpoints = new ArrayList<>();

    /**
     * How requests are spread over several endpoints: in-order (the first healthy one), round-robin, random or
     * least-in-flight. Default round-robin.
     */
    private LoadBalancing loadBalancing;

    /** Cluster name (as in system.clusters) for ON CLUSTER DDL and sharded inserters; checked at start-up. */
    private String cluster;

    /**
     * Whether to create the client's database (CREATE DATABASE IF NOT EXISTS) when the client is created, for
     * development and tests; off by default, so a misspelt database name fails instead of creating a new one.
     */
    private boolean createDatabase;

    private final Pool pool = new Pool();

    private final Ssl ssl = new Ssl();

    private final Data data = new Data();

    private final Mapping mapping = new Mapping();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Compression getCompression() {
        return compression;
    }

    public void setCompression(Compression compression) {
        this.compression = compression;
    }

    public Integer getCompressionLevel() {
        return compressionLevel;
    }

    public void setCompressionLevel(Integer compressionLevel) {
        this.compressionLevel = compressionLevel;
    }

    public TimeZoneRule getTimeZoneRule() {
        return timeZoneRule;
    }

    public void setTimeZoneRule(TimeZoneRule timeZoneRule) {
        this.timeZoneRule = timeZoneRule;
    }

    public ZoneId getSessionTimeZone() {
        return sessionTimeZone;
    }

    public void setSessionTimeZone(ZoneId sessionTimeZone) {
        this.sessionTimeZone = sessionTimeZone;
    }

    public boolean isBasicAuth() {
        return basicAuth;
    }

    public void setBasicAuth(boolean basicAuth) {
        this.basicAuth = basicAuth;
    }

    public Map<String, String> getSettings() {
        return settings;
    }

    public void setSettings(Map<String, String> settings) {
        this.settings = settings;
    }

    public Map<String, String> getReadFormats() {
        return readFormats;
    }

    public void setReadFormats(Map<String, String> readFormats) {
        this.readFormats = readFormats;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    public List<String> getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(List<String> endpoints) {
        this.endpoints = endpoints;
    }

    public LoadBalancing getLoadBalancing() {
        return loadBalancing;
    }

    public void setLoadBalancing(LoadBalancing loadBalancing) {
        this.loadBalancing = loadBalancing;
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public boolean isCreateDatabase() {
        return createDatabase;
    }

    public void setCreateDatabase(boolean createDatabase) {
        this.createDatabase = createDatabase;
    }

    public Mapping getMapping() {
        return mapping;
    }

    public Pool getPool() {
        return pool;
    }

    public Ssl getSsl() {
        return ssl;
    }

    public Data getData() {
        return data;
    }

    /** The HTTP connection pool. */
    public static class Pool {

        /** Most pooled connections over all routes. */
        private Integer maxTotal;

        /** Most pooled connections to one host. */
        private Integer maxPerRoute;

        /** Longest wait to open a connection, or to lease one from a full pool. */
        private Duration connectTimeout;

        /** Longest wait for response bytes; a query may set its own. */
        private Duration responseTimeout;

        /** Idle time after which pooled connections are closed; keep it below the server's keep_alive_timeout. */
        private Duration idleEviction;

        /** Idle time after which a pooled connection is checked before it is reused. */
        private Duration validateAfterInactivity;

        public Integer getMaxTotal() {
            return maxTotal;
        }

        public void setMaxTotal(Integer maxTotal) {
            this.maxTotal = maxTotal;
        }

        public Integer getMaxPerRoute() {
            return maxPerRoute;
        }

        public void setMaxPerRoute(Integer maxPerRoute) {
            this.maxPerRoute = maxPerRoute;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getResponseTimeout() {
            return responseTimeout;
        }

        public void setResponseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
        }

        public Duration getIdleEviction() {
            return idleEviction;
        }

        public void setIdleEviction(Duration idleEviction) {
            this.idleEviction = idleEviction;
        }

        public Duration getValidateAfterInactivity() {
            return validateAfterInactivity;
        }

        public void setValidateAfterInactivity(Duration validateAfterInactivity) {
            this.validateAfterInactivity = validateAfterInactivity;
        }
    }

    /** TLS for https URLs. */
    public static class Ssl {

        /** Name of the SSL bundle (spring.ssl.bundle.*) holding the trusted CA and the client certificate. */
        private String bundle;

        /** Whether the server's host name must match its certificate. */
        private boolean verifyHostname = true;

        public String getBundle() {
            return bundle;
        }

        public void setBundle(String bundle) {
            this.bundle = bundle;
        }

        public boolean isVerifyHostname() {
            return verifyHostname;
        }

        public void setVerifyHostname(boolean verifyHostname) {
            this.verifyHostname = verifyHostname;
        }
    }

    /** Spring Data support. */
    public static class Data {

        private final Repositories repositories = new Repositories();

        public Repositories getRepositories() {
            return repositories;
        }

        /** Spring Data repositories. */
        public static class Repositories {

            /** Whether to enable ClickHouse repositories. */
            private boolean enabled = true;

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }
        }
    }

    /** How entities are written (the template, the repositories and the Inserter beans). */
    public static class Mapping {

        /**
         * Whether a date-time with more fraction digits than its column keeps (Instant.now() into a DateTime column)
         * is truncated to the column's precision instead of rejected.
         */
        private boolean truncateFractionalSeconds;

        public boolean isTruncateFractionalSeconds() {
            return truncateFractionalSeconds;
        }

        public void setTruncateFractionalSeconds(boolean truncateFractionalSeconds) {
            this.truncateFractionalSeconds = truncateFractionalSeconds;
        }
    }
}
