package io.chspring.client.request;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.Compression;
import io.chspring.client.QuerySummary;
import io.chspring.client.ServerCapabilities;
import io.chspring.client.transport.RequestBody;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The options every request shares (settings, query id, session, database, timeout) and the assembly of the
 * transport request from them and the defaults of the {@link RequestContext} it runs in. A request is a mutable builder, used once, and not
 * thread-safe; {@code Query} and {@code RawInsert} extend it.
 *
 * @param <S> the concrete request type, returned by the option methods for chaining
 */
public abstract class ClickHouseRequest<S extends ClickHouseRequest<S>> {

    private final RequestContext context;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String queryId;
    private String sessionId;
    private Duration sessionTimeout;
    private String database;
    private Duration timeout;
    private boolean sent;

    /** For subclasses; {@code context} supplies the transport and the defaults. */
    protected ClickHouseRequest(RequestContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** {@code this}, typed. */
    protected abstract S self();

    /** A ClickHouse setting for this request only; it wins over the client's setting of the same name. */
    public S setting(String name, Object value) {
        settings.put(Settings.checkName(name), Settings.valueText(name, value));
        return self();
    }

    /** Several settings for this request, in the map's order. */
    public S settings(Map<String, ?> values) {
        values.forEach(this::setting);
        return self();
    }

    /** The query id; a random UUID when not set. Use it to find the query in {@code system.query_log} or kill it. */
    public S queryId(String id) {
        if (id == null || id.isBlank()) {
            throw new ClickHouseConfigurationException("queryId is blank");
        }
        this.queryId = id;
        return self();
    }

    /**
     * Runs the request in a server session (temporary tables and {@code SET} persist between requests of the same
     * session). A session serves one request at a time: concurrent use fails with code 373.
     */
    public S session(String id) {
        if (id == null || id.isBlank()) {
            throw new ClickHouseConfigurationException("session id is blank");
        }
        this.sessionId = id;
        return self();
    }

    /** How long the server keeps the session after this request (whole seconds; the server caps it, 3600 s by default). */
    public S sessionTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ClickHouseConfigurationException("sessionTimeout must be positive, not " + timeout);
        }
        this.sessionTimeout = timeout;
        return self();
    }

    /** The database for this request, instead of the client's. */
    public S database(String name) {
        if (name == null || name.isBlank()) {
            throw new ClickHouseConfigurationException("database is blank");
        }
        this.database = name;
        return self();
    }

    /**
     * The longest wait for response bytes on this request, instead of the client's response timeout. This is a
     * client-side limit only; to make the server stop, set {@code max_execution_time} too (a readonly user may not).
     */
    public S timeout(Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ClickHouseConfigurationException("timeout must be positive, not " + value);
        }
        this.timeout = value;
        return self();
    }

    /** The query id set with {@link #queryId(String)}, or {@code null} when the request gets a random one. */
    protected final String chosenQueryId() {
        return queryId;
    }

    /** The settings set on this request itself (not the client's), in order. */
    protected final Map<String, String> requestSettings() {
        return Collections.unmodifiableMap(settings);
    }

    /** The context this request runs in. */
    protected final RequestContext context() {
        return context;
    }

    /**
     * Copies this request's settings, database, session and timeout (not its query id) to {@code other}: for a helper
     * request that must see the same server context, like the DESCRIBE before a typed read.
     */
    protected final <R extends ClickHouseRequest<R>> R copyOptionsTo(R other) {
        ClickHouseRequest<R> o = other;
        o.settings.putAll(settings);
        o.sessionId = sessionId;
        o.sessionTimeout = sessionTimeout;
        o.database = database;
        o.timeout = timeout;
        return other;
    }

    /** The database this request runs in: its own, else the context's; {@code null} for the user's default. */
    protected final String effectiveDatabase() {
        return database != null ? database : context.database();
    }

    /** The session this request runs in: its own, else the context's; {@code null} for none. */
    protected final String effectiveSession() {
        return sessionId != null ? sessionId : context.sessionId();
    }

    /** What the server can do; asks the server its version on the first call per client. */
    protected final ServerCapabilities capabilities() {
        return context.capabilities();
    }

    /** The endpoint, for messages. */
    protected final String endpoint() {
        return context.endpoint().toString();
    }

    /**
     * Sends the request once; the caller must close the response.
     *
     * @param sql the final SQL text
     * @param parameters server-side query parameters (without the {@code param_} prefix)
     * @param ownSettings settings the request type adds itself; they win over the user's
     * @param body the body writer, or {@code null}
     * @param readsResult whether the caller reads the response body (only then is a compressed response useful)
     * @param idempotent whether the transport may resend after a stale pooled connection failed it
     */
    protected final TransportResponse send(String sql, Map<String, String> parameters, Map<String, String> ownSettings,
            RequestBody body, boolean readsResult, boolean idempotent) {
        return ObservedExchange.send(context, assemble(sql, parameters, ownSettings, body, readsResult, idempotent));
    }

    final TransportRequest assemble(String sql, Map<String, String> parameters, Map<String, String> ownSettings,
            RequestBody body, boolean readsResult, boolean idempotent) {
        if (sent) {
            throw new IllegalStateException("This request was already sent; a request is single-use, make a new one");
        }
        sent = true;
        String session = sessionId != null ? sessionId : context.sessionId();
        Duration keepSession = sessionId != null ? sessionTimeout
                : sessionTimeout != null ? sessionTimeout : context.sessionTimeout();
        if (sessionTimeout != null && session == null) {
            throw new ClickHouseConfigurationException("sessionTimeout is set but no session id; call session(...)");
        }
        Map<String, String> merged = new LinkedHashMap<>(context.settings());
        merged.putAll(settings);
        merged.putAll(ownSettings);
        String sessionZone = merged.get(Settings.SESSION_TIMEZONE);
        if (sessionZone != null && !sessionZone.isBlank() && !capabilities().supportsSessionTimeZone()) {
            // the server would say "Unknown setting" (code 115); say what the setting needs instead
            throw new ClickHouseConfigurationException("session_timezone='" + sessionZone + "' needs ClickHouse 23.6 or"
                    + " later, but the server at " + endpoint() + " runs " + capabilities().version() + "; leave it"
                    + " unset there (columns without a zone then use the server's zone, " + context.serverTimeZone()
                    + ")");
        }
        boolean compressed = context.compression() != Compression.NONE;
        // the request says what the client chose; whether the body's writer frames it itself, or the transport's
        // sink does, follows from it and the transport (RequestContext.compressesRequestBodies). Responses come in
        // LZ4 frames whatever the request method (the server's compress=1 always uses its default codec), except a
        // ZSTD client's on a server that encodes HTTP responses in zstd.
        boolean compressResponse = readsResult && compressed
                && (context.forceResponseCompression() || capabilities().responseCompressionUsable());
        Map<String, String> headers = Map.of();
        if (compressResponse && context.compression() == Compression.ZSTD && context.transport().framesRequestBodies()
                && capabilities().supportsZstdHttpEncoding()) {
            // a ZSTD client gets ZSTD back where the server can: HTTP compression of the whole response instead
            // of compress=1 (the server would apply both, one inside the other)
            compressResponse = false;
            merged.put(Settings.ENABLE_HTTP_COMPRESSION, "1");
            headers = Map.of("Accept-Encoding", "zstd");
        }
        return new TransportRequest(sql, merged, parameters, database != null ? database : context.database(),
                queryId != null ? queryId : randomQueryId(), session, keepSession, body,
                compressed && body != null && frameableBody(), compressResponse, idempotent, timeout,
                context.requestCodec(), headers);
    }

    /**
     * Whether this request's body may travel in ClickHouse frames ({@code decompress=1}); a body the server reads
     * before it decompresses anything (external data in {@code multipart/form-data}) says no.
     */
    protected boolean frameableBody() {
        return true;
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: query ids must be unique, not unpredictable, and
     * {@code UUID.randomUUID()} draws from one shared {@code SecureRandom}, a lock and a SHA-1 per request that showed
     * in the profile of 64 threads issuing small queries (benchmarks/RESULTS.md).
     */
    static String randomQueryId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Reads the rest of the body, so that an error the server appended after data surfaces, and closes it. */
    protected static QuerySummary finish(TransportResponse response) {
        try (response; InputStream in = response.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw readFailure(e, response.queryId());
        }
        return QuerySummary.of(response.queryId(), response.header(QuerySummary.SUMMARY_HEADER).orElse(null));
    }

    /** The exception for a failed body read: the transport's own when it wrapped one, else a transport error. */
    protected static ClickHouseException readFailure(IOException e, String queryId) {
        if (e.getCause() instanceof ClickHouseException ce) {
            return ce;
        }
        return new ClickHouseTransportException("Reading the response of query " + queryId + " failed: " + e.getMessage(),
                e, 0, queryId, false);
    }
}
