package io.chspring.client.request;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.Compression;
import io.chspring.client.ServerCapabilities;
import io.chspring.client.ServerVersion;
import io.chspring.client.compression.FrameCodec;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.client.transport.Endpoint;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * What every request of one client shares, handed down to queries, inserts and inserters so that they never
 * need the {@code ClickHouseClient} that made them: the request defaults of the client (settings, database,
 * compression) and, shared by a root client and all copies derived from it, the transport (so the connection
 * pool), the closed flag, the server's capabilities (asked once) and the table schema cache.
 *
 * <p>Internal: public only because the request types live in their own packages. Users get a context's
 * requests from {@code ClickHouseClient}; nothing here is meant to be called by them.
 */
public final class RequestContext {

    /** Longer than any version string; a larger answer is not a version. */
    private static final int MAX_VERSION_BYTES = 256;
    /**
     * What the client asks once per transport: the version chooses features, the zone is what the server gives
     * DateTime columns without one (both functions exist on every version, 18.16 included).
     */
    public static final String VERSION_QUERY = "SELECT version(), timezone()";

    private final Shared shared;
    private final Map<String, String> settings;
    private final String database;
    private final Compression compression;
    private final int compressionLevel;
    /** How request bodies are framed; {@code null} for {@link Compression#NONE}. */
    private final FrameCodec requestCodec;
    private final boolean forceResponseCompression;
    /** A view over some of the shared transport's endpoints, or {@code null} for the shared transport itself. */
    private final Transport route;
    private final String sessionId;
    private final Duration sessionTimeout;
    private final TimeZoneRule timeZoneRule;
    /**
     * The options last filled in by {@link #mappingOptions}: a query's are nearly always the same instance under the
     * same zone, and handing back the same filled instance spares two copies and lets the row-reader cache compare
     * them by identity.
     */
    private volatile @Nullable FilledOptions lastFilled;

    private RequestContext(Shared shared, Map<String, String> settings, String database, Compression compression,
            int compressionLevel, boolean forceResponseCompression) {
        this(shared, settings, database, compression, compressionLevel, forceResponseCompression, null, null, null,
                TimeZoneRule.UTC);
    }

    private RequestContext(Shared shared, Map<String, String> settings, String database, Compression compression,
            int compressionLevel, boolean forceResponseCompression, Transport route, String sessionId,
            Duration sessionTimeout, TimeZoneRule timeZoneRule) {
        this.timeZoneRule = Objects.requireNonNull(timeZoneRule, "timeZoneRule");
        this.route = route;
        this.sessionId = sessionId;
        this.sessionTimeout = sessionTimeout;
        this.shared = shared;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.database = database;
        this.compression = Objects.requireNonNull(compression, "compression");
        this.compressionLevel = compressionLevel;
        this.requestCodec = codec(compression, compressionLevel);
        this.forceResponseCompression = forceResponseCompression;
    }

    /**
     * Checks a method and level as {@link #open} does, so that a bad level or ZSTD without its jar fails when the
     * client is built, not at its first insert.
     *
     * @throws ClickHouseConfigurationException naming the method, the level or the missing dependency
     */
    public static void checkCompression(Compression compression, int level) {
        codec(compression, level);
    }

    /** The frame codec of a method and level. */
    private static FrameCodec codec(Compression compression, int level) {
        if (level != 0 && (compression == Compression.LZ4 || compression == Compression.NONE)) {
            throw new ClickHouseConfigurationException("compression level " + level + " is set but compression "
                    + compression + " has no levels; use LZ4HC or ZSTD");
        }
        return switch (compression) {
            case LZ4 -> FrameCodec.lz4();
            case LZ4HC -> FrameCodec.lz4hc(level);
            case ZSTD -> FrameCodec.zstd(level);
            case NONE -> null;
        };
    }

    /**
     * The context of a root client, which owns {@code transport}.
     *
     * @param describer reads a table's columns with {@code DESCRIBE TABLE} through a context (the schema cache
     *     calls it once per database and table)
     */
    public static RequestContext open(Transport transport, Endpoint endpoint,
            BiFunction<RequestContext, String, List<TableColumn>> describer, Map<String, String> settings,
            String database, Compression compression, int compressionLevel, boolean forceResponseCompression) {
        return open(transport, endpoint, describer, settings, database, compression, compressionLevel,
                forceResponseCompression, ClickHouseObserver.NONE);
    }

    /**
     * {@link #open(Transport, Endpoint, BiFunction, Map, String, Compression, int, boolean)} with an observer of
     * requests.
     */
    public static RequestContext open(Transport transport, Endpoint endpoint,
            BiFunction<RequestContext, String, List<TableColumn>> describer, Map<String, String> settings,
            String database, Compression compression, int compressionLevel, boolean forceResponseCompression,
            ClickHouseObserver observer) {
        return new RequestContext(new Shared(transport, endpoint, describer, observer), settings, database,
                compression, compressionLevel, forceResponseCompression);
    }

    /**
     * A context with other request defaults (and this one's session), sharing this one's transport, capabilities and
     * schema cache.
     */
    public RequestContext derive(Map<String, String> settings, String database, Compression compression,
            int compressionLevel, boolean forceResponseCompression) {
        return new RequestContext(shared, settings, database, compression, compressionLevel, forceResponseCompression,
                route, sessionId, sessionTimeout, timeZoneRule);
    }

    /**
     * A context whose requests go through {@code transport}, a view over some of the shared transport's endpoints
     * (the replicas of one shard, one node for a health check), sharing everything else. The view is never closed
     * by the context: closing the root closes what it views.
     */
    public RequestContext routedThrough(Transport transport) {
        return new RequestContext(shared, settings, database, compression, compressionLevel,
                forceResponseCompression, Objects.requireNonNull(transport, "transport"), sessionId, sessionTimeout,
                timeZoneRule);
    }

    /**
     * This context with every request in the server session {@code id} (none when {@code null}), kept
     * {@code timeout} after each request ({@code null}: the server's default); a request's own session wins.
     */
    public RequestContext withSession(String id, Duration timeout) {
        return new RequestContext(shared, settings, database, compression, compressionLevel,
                forceResponseCompression, route, id, id == null ? null : timeout, timeZoneRule);
    }

    /** This context with {@code rule} for {@code LocalDateTime} values. */
    public RequestContext withTimeZoneRule(TimeZoneRule rule) {
        return new RequestContext(shared, settings, database, compression, compressionLevel,
                forceResponseCompression, route, sessionId, sessionTimeout, rule);
    }

    /** Whose wall clock a {@code LocalDateTime} is, for this client. */
    public TimeZoneRule timeZoneRule() {
        return timeZoneRule;
    }

    /**
     * The server's time zone ({@code timezone()}, asked with the version: no extra round trip). It is what the server
     * gives DateTime columns without a zone of their own, unless a request sets {@code session_timezone}.
     *
     * @throws ClickHouseConfigurationException when this JVM does not know the zone's name
     */
    public ZoneId serverTimeZone() {
        ZoneId parsed = shared.serverZoneId;
        if (parsed != null) {
            return parsed;
        }
        capabilities();
        String name = shared.serverTimeZone;
        if (name == null) {
            synchronized (shared) {
                if (shared.serverTimeZone == null) {
                    // a server (or a stand-in) that answered the version query without the zone column
                    shared.serverTimeZone = ask("SELECT timezone()");
                }
                name = shared.serverTimeZone;
            }
        }
        parsed = zone(name, "the server's time zone (timezone())");
        shared.serverZoneId = parsed;
        return parsed;
    }

    /**
     * The zone the server gives DateTime values without one of their own in a request with {@code requestSettings}:
     * its {@code session_timezone} (the request's own, else this context's) when set, else the server's zone.
     */
    public ZoneId columnDefaultZone(Map<String, String> requestSettings) {
        String session = requestSettings.get(Settings.SESSION_TIMEZONE);
        if (session == null) {
            session = settings.get(Settings.SESSION_TIMEZONE);
        }
        if (session != null && !session.isBlank()) {
            return zone(session, "session_timezone");
        }
        return serverTimeZone();
    }

    /**
     * {@code requested} with what it leaves to the client filled in: this client's {@link TimeZoneRule} and the zone
     * of columns without one ({@link #columnDefaultZone(Map)}). Options that set both are returned as they are.
     */
    public CodecOptions codecOptions(CodecOptions requested, Map<String, String> requestSettings) {
        return fill(requested, missingZone(requested, requestSettings));
    }

    /** The column default zone to fill into {@code requested}, or {@code null} when it names its own. */
    private @Nullable ZoneId missingZone(CodecOptions requested, Map<String, String> requestSettings) {
        return requested.defaultTimeZone() == null ? columnDefaultZone(requestSettings) : null;
    }

    /** {@code requested} with this client's rule when it has none, and {@code zone} when not {@code null}. */
    private CodecOptions fill(CodecOptions requested, @Nullable ZoneId zone) {
        CodecOptions options = requested.timeZoneRule() == null ? requested.withTimeZoneRule(timeZoneRule) : requested;
        return zone == null ? options : options.withDefaultTimeZone(zone);
    }

    /** {@code requested} with its codec options {@link #codecOptions(CodecOptions, Map) filled in}. */
    public MappingOptions mappingOptions(MappingOptions requested, Map<String, String> requestSettings) {
        CodecOptions codec = requested.codecOptions();
        ZoneId zone = missingZone(codec, requestSettings);
        FilledOptions last = lastFilled;
        if (last != null && last.requested() == requested && Objects.equals(last.zone(), zone)) {
            return last.filled();
        }
        CodecOptions options = fill(codec, zone);
        MappingOptions filled = options.equals(codec) ? requested : requested.withCodecOptions(options);
        lastFilled = new FilledOptions(requested, zone, filled);
        return filled;
    }

    /** {@code requested} filled in as {@code filled} when the column default zone was {@code zone}. */
    private record FilledOptions(MappingOptions requested, @Nullable ZoneId zone, MappingOptions filled) {
    }

    /**
     * The zone that gives a bound {@code LocalDateTime} its instant under this client's rule, in a request with
     * {@code requestSettings}. A bound value has no column, so {@link TimeZoneRule#COLUMN} means the session's or
     * server's zone here.
     */
    public ZoneId boundLocalDateTimeZone(Map<String, String> requestSettings) {
        return timeZoneRule == TimeZoneRule.UTC ? ZoneOffset.UTC : columnDefaultZone(requestSettings);
    }

    private static ZoneId zone(String name, String what) {
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new ClickHouseConfigurationException("Unknown time zone '" + name + "' (" + what + "): "
                    + e.getMessage() + "; use a zone this JVM knows (IANA names such as Asia/Kolkata)", e);
        }
    }

    /** The session every request runs in, or {@code null}. */
    public String sessionId() {
        return sessionId;
    }

    /** How long the server keeps {@link #sessionId()} after a request, or {@code null} for its default. */
    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    /** The transport; fails once the root client was closed. */
    public Transport transport() {
        if (shared.closed.get()) {
            throw new IllegalStateException("The ClickHouseClient is closed");
        }
        return route != null ? route : shared.transport;
    }

    /** The endpoint, for messages. */
    public Endpoint endpoint() {
        return shared.endpoint;
    }

    /** Told of every request sent through this context and of the batches of its Inserters. */
    public ClickHouseObserver observer() {
        return shared.observer;
    }

    /** ClickHouse settings sent with every request, in order; a request's own win. */
    public Map<String, String> settings() {
        return settings;
    }

    /** The default database, or {@code null} for the user's default. */
    public String database() {
        return database;
    }

    /** The body compression chosen for the client. */
    public Compression compression() {
        return compression;
    }

    /**
     * How request bodies are compressed inside ClickHouse's frames (LZ4, LZ4HC or ZSTD at the client's level), or
     * {@code null} for {@link Compression#NONE}. Writers that frame rows themselves use it; so does the transport's sink.
     */
    public FrameCodec requestCodec() {
        return requestCodec;
    }

    /** Whether LZ4 responses are asked for whatever the server version. */
    public boolean forceResponseCompression() {
        return forceResponseCompression;
    }

    /**
     * The one decision about request-body compression: whether bodies (INSERT rows) go to the server framed
     * through a {@link io.chspring.client.transport.BodySink} that takes frames. True when compression is not
     * {@link Compression#NONE} and the transport frames bodies (HTTP does; an in-process engine does not). Writers of
     * rows ({@code Insert}, the inserter's batches) then make their frames on the thread that writes the rows;
     * otherwise they write plain bytes and the transport does what the request's {@code compressRequest} asks.
     */
    public boolean compressesRequestBodies() {
        return requestCodec != null && transport().framesRequestBodies();
    }

    /** The server's capabilities; the first call per transport runs {@link #VERSION_QUERY}. */
    public ServerCapabilities capabilities() {
        ServerCapabilities known = shared.capabilities;
        if (known != null) {
            return known;
        }
        synchronized (shared) {
            if (shared.capabilities == null) {
                String[] answer = ask(VERSION_QUERY).split("\t", -1);
                ServerVersion version;
                try {
                    version = ServerVersion.parse(answer[0]);
                } catch (ClickHouseConfigurationException e) {
                    throw new ClickHouseTransportException("The server answered " + VERSION_QUERY + " with '"
                            + String.join("\t", answer) + "'; is the endpoint a ClickHouse server?", e, 0, null, false);
                }
                if (answer.length > 1 && !answer[1].isBlank()) {
                    shared.serverTimeZone = answer[1].strip();
                }
                shared.capabilities = ServerCapabilities.of(version);
            }
            return shared.capabilities;
        }
    }

    /** The columns of {@code table} in this context's database, asked once and cached until {@link #forget}. */
    public List<TableColumn> describeTable(String table) {
        String key = schemaKey(table);
        List<TableColumn> known = shared.schemas.get(key);
        if (known != null) {
            return known;
        }
        List<TableColumn> columns = List.copyOf(shared.describer.apply(this, table));
        shared.schemas.put(key, columns);
        return columns;
    }

    /**
     * Asks the columns of {@code table} again, whatever the cache holds, and caches the answer: for a client that
     * must know the schema is still current before it sends rows encoded for it (servers that do not check an
     * input header's types).
     */
    public List<TableColumn> refreshSchema(String table) {
        List<TableColumn> columns = List.copyOf(shared.describer.apply(this, table));
        shared.schemas.put(schemaKey(table), columns);
        return columns;
    }

    /** Forgets the cached schema of {@code table}. */
    public void forget(String table) {
        shared.schemas.remove(schemaKey(table));
    }

    private String schemaKey(String table) {
        // a session's temporary table may shadow a table of the same name, so sessions have their own entries
        return (database == null ? "" : database) + "\0" + (sessionId == null ? "" : sessionId) + "\0" + table;
    }

    /**
     * The result columns of earlier typed reads, for servers without a RowBinary header; shared with every context of
     * the same root client.
     */
    public ResultShapes resultShapes() {
        return shared.resultShapes;
    }

    /** The row readers of earlier results; shared with every context of the same root client. */
    public ReaderCache readers() {
        return shared.readers;
    }

    /** Whether the root client is closed. */
    public boolean isClosed() {
        return shared.closed.get();
    }

    /** Closes the transport once; later requests through any context sharing it fail. */
    public void close() {
        if (shared.closed.compareAndSet(false, true)) {
            shared.transport.close();
        }
    }

    /** A one-line answer of {@code sql}, asked outside any session, database or client setting. */
    private String ask(String sql) {
        String queryId = UUID.randomUUID().toString();
        // No client settings and no database: the answer must not depend on them, and a wrong database name
        // should fail the user's query, not this one. default_format is allowed even for readonly users.
        TransportRequest request = new TransportRequest(sql, Map.of("default_format", "TabSeparated"),
                Map.of(), null, queryId, null, null, null, false, false, true, null);
        try (TransportResponse response = transport().execute(request); InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_VERSION_BYTES + 1);
            if (bytes.length > MAX_VERSION_BYTES) {
                throw new ClickHouseTransportException("The answer to " + sql + " is longer than "
                        + MAX_VERSION_BYTES + " bytes; is the endpoint a ClickHouse server?", null, 0, queryId, false);
            }
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ClickHouseTransportException("Reading the answer to " + sql + " failed", e, 0, queryId, true);
        }
    }

    /** What a root client and its derived copies share. */
    private static final class Shared {
        final Transport transport;
        final Endpoint endpoint;
        final BiFunction<RequestContext, String, List<TableColumn>> describer;
        final ClickHouseObserver observer;
        final AtomicBoolean closed = new AtomicBoolean();
        final ConcurrentMap<String, List<TableColumn>> schemas = new ConcurrentHashMap<>();
        final ResultShapes resultShapes = new ResultShapes();
        final ReaderCache readers = new ReaderCache();
        volatile ServerCapabilities capabilities;
        /** The name {@code timezone()} answered, or {@code null} until asked. */
        volatile String serverTimeZone;
        /** {@link #serverTimeZone} parsed, once it was needed. */
        volatile ZoneId serverZoneId;

        Shared(Transport transport, Endpoint endpoint, BiFunction<RequestContext, String, List<TableColumn>> describer,
                ClickHouseObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            this.transport = Objects.requireNonNull(transport, "transport");
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            this.describer = Objects.requireNonNull(describer, "describer");
        }
    }
}
