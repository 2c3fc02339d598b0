package io.chspring.client;

import io.chspring.client.cluster.ClickHouseDistributedDdlException;
import io.chspring.client.cluster.ClusterTopology;
import io.chspring.client.cluster.DistributedDdlOutcome;
import io.chspring.client.cluster.EndpointStatus;
import io.chspring.client.inserter.BatchSender;
import io.chspring.client.insert.Insert;
import io.chspring.client.insert.InsertSummary;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterBuilder;
import io.chspring.client.insert.RawInsert;
import io.chspring.client.inserter.RowEncoder;
import io.chspring.client.inserter.ShardedInserter;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.query.PreparedQuery;
import io.chspring.client.query.Query;
import io.chspring.client.query.ScriptResult;
import io.chspring.client.query.ScriptRunner;
import io.chspring.client.request.RequestContext;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.sql.Identifier;
import io.chspring.client.sql.SqlTemplate;
import io.chspring.client.transport.Endpoint;
import io.chspring.client.transport.RoutingTransport;
import io.chspring.client.transport.Transport;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The entry point: runs statements, opens {@link Query queries} and {@link RawInsert inserts} against one
 * ClickHouse endpoint.
 *
 * <p>A client is immutable and thread-safe; build one per endpoint and share it. {@code with...} methods return
 * derived copies with other defaults (settings, database, compression) that <b>share</b> the root's transport and
 * connection pool, so they are cheap to make per request.
 *
 * <p><b>Closing:</b> only the root client (the one built by {@link #builder()}, {@link #fromUrl(String)},
 * {@link #fromEnv()} or {@link #create(ClickHouseClientConfig)}) owns the transport. Closing it closes the pool,
 * and every copy derived from it fails afterwards with {@link IllegalStateException}. Closing a derived copy
 * does nothing, so copies may sit in try-with-resources blocks safely.
 */
public final class ClickHouseClient implements AutoCloseable {

    private final ClickHouseClientConfig config;
    private final RequestContext context;
    private final boolean root;

    private ClickHouseClient(ClickHouseClientConfig config, RequestContext context, boolean root) {
        this.config = config;
        this.context = context;
        this.root = root;
    }

    /** A builder for a client. */
    public static ClickHouseClientBuilder builder() {
        return new ClickHouseClientBuilder();
    }

    /**
     * A client for a URL {@code http(s)://[user[:password]@]host[:port][/database][?key=value&...]}.
     * User, password and database are percent-decoded (RFC 3986; '+' stays '+'). The default port is 8123 for
     * http and 8443 for https; IPv6 hosts go in brackets ({@code http://[::1]:8123}). These query keys are client
     * options:
     * <ul>
     *   <li>{@code compression} = {@code lz4} (default) | {@code lz4hc} | {@code zstd} | {@code none}, and
     *       {@code compression_level} (ZSTD -7 to 22, LZ4HC 1 to 17)</li>
     *   <li>{@code connect_timeout}, {@code socket_timeout} (alias {@code response_timeout}): milliseconds, or a
     *       number with a unit ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}), or ISO-8601 ({@code PT10S})</li>
     *   <li>{@code max_connections} (pool total), {@code max_connections_per_route}</li>
     *   <li>{@code ssl} (alias {@code secure}) = {@code true} switches to https (default port 8443)</li>
     *   <li>{@code database} (instead of the path), {@code user}, {@code password} (these two win over the
     *       user-info part)</li>
     *   <li>{@code session_id}: every request runs in that server session (see {@link #withSession(String)});
     *       {@code session_timeout}: seconds, or a number with a unit</li>
     * </ul>
     * Every other key is a ClickHouse setting sent with each request, for example {@code max_threads=4}. Keys the
     * server reads as protocol parameters ({@code query_id}, {@code session_check}, {@code compress}, ...) and
     * {@code param_*} are refused. Other schemes are served by modules found with {@link java.util.ServiceLoader}
     * ({@link ClickHouseUrlScheme}): {@code chdb:} needs {@code clickhouse-embedded} on the classpath.
     *
     * @throws ClickHouseConfigurationException naming the part or key at fault, never the password
     */
    public static ClickHouseClient fromUrl(String url) {
        return builder().url(url).build();
    }

    /**
     * A client from the environment: {@code CLICKHOUSE_URL} (required; see {@link #fromUrl(String)}), and
     * {@code CLICKHOUSE_USER} / {@code CLICKHOUSE_PASSWORD}, which override the URL's credentials when set.
     *
     * @throws ClickHouseConfigurationException naming the variable at fault
     */
    public static ClickHouseClient fromEnv() {
        return fromEnv(System.getenv());
    }

    /** {@link #fromEnv()} reading the given variables instead of the process environment. */
    public static ClickHouseClient fromEnv(Map<String, String> environment) {
        return builder().env(environment).build();
    }

    /** A root client on the given configuration, with its own transport. */
    public static ClickHouseClient create(ClickHouseClientConfig config) {
        Objects.requireNonNull(config, "config");
        // a bad compression level or ZSTD without its jar fails here, before a pool exists to leak
        RequestContext.checkCompression(config.compression(), config.compressionLevel());
        Transport transport;
        if (config.transportFactory().isPresent()) {
            transport = config.transportFactory().get().apply(config);
            if (transport == null) {
                throw new ClickHouseConfigurationException("The transport factory returned null");
            }
            if (config.requestListener().isPresent()) {
                transport = new ListeningTransport(transport, config.requestListener().get());
            }
        } else {
            // Listened per endpoint inside, so that each request event names the endpoint that served it.
            transport = HttpTransportFactory.create(config);
        }
        return new ClickHouseClient(config, RequestContext.open(transport, config.endpoint(), ClickHouseClient::describe,
                config.settings(), config.database().orElse(null), config.compression(), config.compressionLevel(),
                config.forceResponseCompression(), config.observer().orElse(ClickHouseObserver.NONE))
                .withSession(config.sessionId().orElse(null), config.sessionTimeout().orElse(null))
                .withTimeZoneRule(config.timeZoneRule()), true);
    }

    /** This client's configuration. */
    public ClickHouseClientConfig config() {
        return config;
    }


    /** A copy sending one more setting with every request (replacing a setting of the same name). */
    public ClickHouseClient withSetting(String name, Object value) {
        return derive(config.toBuilder().setting(name, value));
    }

    /** A copy sending more settings with every request, in the map's order. */
    public ClickHouseClient withSettings(Map<String, ?> settings) {
        return derive(config.toBuilder().settings(settings));
    }

    /** A copy whose requests run in another database. */
    public ClickHouseClient withDatabase(String database) {
        return derive(config.toBuilder().database(Objects.requireNonNull(database, "database")));
    }

    /**
     * A copy whose requests run with {@code session_timezone = zone} (ClickHouse 23.6+): DateTime columns without a
     * zone of their own are shown, parsed and computed in {@code zone} instead of the server's zone, and this client
     * reads and writes their {@code ZonedDateTime}, {@code OffsetDateTime} (and, under the
     * {@link TimeZoneRule#SERVER SERVER} or {@link TimeZoneRule#COLUMN COLUMN} rule, {@code LocalDateTime}) values in
     * it too. On an older server the first request fails with a {@link ClickHouseConfigurationException} saying so.
     * Set the zone this way (or with the builder, or a {@code session_timezone} setting), not with a {@code SET}
     * statement in a session: the client cannot see a {@code SET}.
     */
    public ClickHouseClient withSessionTimeZone(ZoneId zone) {
        return derive(config.toBuilder().sessionTimeZone(Objects.requireNonNull(zone, "zone")));
    }

    /** A copy with another {@link TimeZoneRule} for {@code LocalDateTime} values. */
    public ClickHouseClient withTimeZoneRule(TimeZoneRule rule) {
        return derive(config.toBuilder().timeZoneRule(rule));
    }

    /**
     * A copy whose untyped reads also use {@code formats} (winning over this client's); see
     * {@link ClickHouseClientBuilder#readFormat(String, io.chspring.client.rowbinary.ReadFormat)}.
     */
    public ClickHouseClient withReadFormats(ReadFormats formats) {
        return derive(config.toBuilder().readFormats(formats));
    }

    /** A copy with another body compression, at its default level. */
    public ClickHouseClient withCompression(Compression compression) {
        return derive(config.toBuilder().compression(compression));
    }

    /** A copy with another body compression at {@code level} (see {@link ClickHouseClientBuilder#compression(Compression, int)}). */
    public ClickHouseClient withCompression(Compression compression, int level) {
        return derive(config.toBuilder().compression(compression, level));
    }

    /**
     * A copy whose every request (queries, inserts, schema lookups, an inserter's batches) runs in the server session
     * {@code id}, so temporary tables and {@code SET} persist between them; sharing the pool like other copies. A
     * session serves one request at a time (concurrent requests fail with code 373, retryable), so use the copy from
     * one thread at a time. A request's own {@code session(...)} wins. The URL key {@code session_id} does the same
     * for a root client.
     */
    public ClickHouseClient withSession(String id) {
        if (id == null || id.isBlank()) {
            throw new ClickHouseConfigurationException("session id is blank");
        }
        return derive(config.toBuilder().session(id));
    }

    /** {@link #withSession(String)}, with the server keeping the session {@code timeout} after each request. */
    public ClickHouseClient withSession(String id, Duration timeout) {
        if (id == null || id.isBlank()) {
            throw new ClickHouseConfigurationException("session id is blank");
        }
        return derive(config.toBuilder().session(id).sessionTimeout(Objects.requireNonNull(timeout, "timeout")));
    }

    /** A copy whose requests run in no session (unless a request sets its own). */
    public ClickHouseClient withoutSession() {
        return derive(config.toBuilder().session(null).sessionTimeout(null));
    }

    private ClickHouseClient derive(ClickHouseClientBuilder changed) {
        ClickHouseClientConfig derived = changed.buildConfig();
        return new ClickHouseClient(derived, context.derive(derived.settings(), derived.database().orElse(null),
                derived.compression(), derived.compressionLevel(), derived.forceResponseCompression())
                .withSession(derived.sessionId().orElse(null), derived.sessionTimeout().orElse(null))
                .withTimeZoneRule(derived.timeZoneRule()), false);
    }

    /**
     * Whether request bodies (INSERT rows) go to the server compressed in ClickHouse frames: compression is not
     * {@link Compression#NONE} and
     * the transport frames bodies (HTTP does; an in-process engine does not).
     */
    public boolean compressesRequestBodies() {
        return context.compressesRequestBodies();
    }

    /** The server's version, asked once per transport with {@code SELECT version()} and cached. */
    public ServerVersion serverVersion() {
        return context.capabilities().version();
    }

    /**
     * The server's time zone ({@code SELECT timezone()}, asked once per client together with the version): the zone
     * the server gives DateTime columns without one of their own, unless {@code session_timezone} is set.
     */
    public ZoneId serverTimeZone() {
        return context.serverTimeZone();
    }

    /**
     * The zone DateTime columns without one of their own have in this client's requests: its
     * {@code session_timezone} when set ({@link #withSessionTimeZone(ZoneId)}), else {@link #serverTimeZone()}.
     */
    public ZoneId columnDefaultTimeZone() {
        return context.columnDefaultZone(Map.of());
    }

    /** What the server can do, by its {@link #serverVersion() version}. */
    public ServerCapabilities capabilities() {
        return context.capabilities();
    }

    /**
     * Runs a statement that returns no rows worth reading (DDL, {@code INSERT ... SELECT}, {@code SYSTEM ...}).
     * Arguments bind to {@code ?} placeholders client-side; with no arguments the SQL goes as written.
     */
    public QuerySummary execute(String sql, Object... args) {
        Query query = query(sql);
        if (args.length > 0) {
            query.bind(args);
        }
        return query.execute();
    }

    /**
     * Runs the statements of a script in order, each as {@link #execute(String, Object...)} with no arguments, and
     * stops at the first that fails. Statements end at semicolons outside string literals, quoted identifiers,
     * heredocs and comments ({@code --}, {@code # }, nested block comments); comments are removed and empty statements
     * skipped. The script is split before anything is sent.
     *
     * @return every statement that ran, with its line and column in the script and the server's summary
     * @throws io.chspring.client.query.ClickHouseScriptException naming the failed statement's number, line and
     *     column and the server's message; {@code completed()} lists the statements that ran before it
     * @throws ClickHouseConfigurationException when a string, identifier or comment is left open (nothing ran)
     */
    public ScriptResult executeScript(String script) {
        return ScriptRunner.run(Objects.requireNonNull(script, "script"), sql -> query(sql).execute());
    }

    /**
     * {@link #executeScript(String)} of a script read whole from {@code script} (scripts are small; the reader is not
     * closed).
     *
     * @throws java.io.UncheckedIOException when reading fails (nothing ran)
     */
    public ScriptResult executeScript(Reader script) {
        StringWriter text = new StringWriter();
        try {
            script.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the script failed; nothing ran", e);
        }
        return executeScript(text.toString());
    }

    /** A new query; see {@link Query} for binding, settings and how to read the result. */
    public Query query(String sql) {
        return new Query(context, sql).readFormats(config.readFormats());
    }

    /**
     * A new query of SQL parsed already (by a caller that lexed it to learn its placeholders, or bound its
     * {@code :name} values with {@link SqlTemplate#bindNamed}), so it is not lexed again.
     */
    public Query query(SqlTemplate sql) {
        return new Query(context, sql).readFormats(config.readFormats());
    }

    /**
     * A query prepared once for many runs: lexed once, {@code ?fields} expanded once, its row reader kept; safe to
     * share between threads. See {@link PreparedQuery}.
     *
     * <pre>{@code
     * PreparedQuery<Event> byUser = client.prepare("SELECT ?fields FROM events WHERE user_id = :user", Event.class);
     * List<Event> events = byUser.bind("user", 42).fetchAll();
     * }</pre>
     *
     * The prepared query runs in this client's context (settings, database, session) as it is now.
     */
    public <T> PreparedQuery<T> prepare(String sql, Class<T> type) {
        return PreparedQuery.of(context, sql, type, MappingOptions.DEFAULT).withReadFormats(config.readFormats());
    }

    /** {@link #prepare(String, Class)} with a row type from another metadata source and explicit mapping options. */
    public <T> PreparedQuery<T> prepare(String sql, RowType<T> rowType, MappingOptions options) {
        return PreparedQuery.of(context, sql, rowType, options).withReadFormats(config.readFormats());
    }

    /** A new raw insert into {@code "events"} or {@code "db.events"}; see {@link Identifier#ofQualified}. */
    public RawInsert insert(String table) {
        return new RawInsert(context, table);
    }

    /** A new raw insert into a table given as an identifier (for names that contain dots). */
    public RawInsert insert(Identifier table) {
        return new RawInsert(context, table);
    }

    /**
     * A typed insert of {@code type} rows (records or classes, see {@link RowType}) into {@code table}. The table's
     * schema comes from {@link #describeTable(String)} and is checked against the class before anything is sent.
     *
     * @throws ClickHouseSchemaException listing every mismatch between the class and the table
     */
    public <T> Insert<T> insert(String table, Class<T> type) {
        return new Insert<>(context, table, RowType.of(type), MappingOptions.DEFAULT);
    }

    /** A typed insert with a row type from another metadata source and explicit mapping options. */
    public <T> Insert<T> insert(String table, RowType<T> rowType, MappingOptions options) {
        return new Insert<>(context, table, rowType, options);
    }

    /**
     * A streaming insert of rows without a Java type into {@code columns} of {@code table}: write each row as an
     * {@code Object[]} or {@code List} with one value per column in order, or a {@code Map} from column name to value,
     * then {@link Insert#end()}. The columns are checked against the table's schema now (unknown, duplicate,
     * MATERIALIZED/ALIAS columns, and table columns without a default left out); each row when written (number of
     * values, keys, values that do not fit), naming the column and the row. Values take the Java types a typed read
     * gives for the column type (TYPES.md).
     *
     * @throws ClickHouseSchemaException listing every problem of the column list
     */
    public <R> Insert<R> insertRows(String table, List<String> columns) {
        return Insert.untyped(context, table, columns, MappingOptions.DEFAULT);
    }

    /**
     * Inserts {@code rows} ({@code Object[]}, {@code List} or {@code Map} each, see
     * {@link #insertRows(String, List)}) into {@code columns} of {@code table} in one streamed request, and waits for
     * the server. A row that does not fit fails the call before the request completes, so the server stores none of
     * the rows (unless more than {@code max_insert_block_size} rows came before it).
     *
     * @throws ClickHouseSchemaException naming the column, and for a row its number (1-based)
     */
    public InsertSummary insertRows(String table, List<String> columns, Iterable<?> rows) {
        Objects.requireNonNull(rows, "rows");
        try (Insert<Object> insert = insertRows(table, columns)) {
            for (Object row : rows) {
                insert.write(row);
            }
            return insert.end();
        }
    }

    /**
     * The columns of {@code table} ({@code "db.t"} or a name in the client's database) from {@code DESCRIBE TABLE},
     * asked once and cached until {@link #invalidateSchema(String)}.
     */
    public List<TableColumn> describeTable(String table) {
        return context.describeTable(table);
    }

    /** What the schema cache runs on a miss, in the context (and so the database) that asks. */
    private static List<TableColumn> describe(RequestContext context, String table) {
        return TableColumn.parseDescribe(new Query(context, "DESCRIBE TABLE " + tableIdentifier(table).toSql())
                .fetchString("TabSeparated"));
    }

    /** {@code "db.t"} or {@code "t"}, read like {@link RawInsert} reads it: {@link Identifier#ofQualified}. */
    private static Identifier tableIdentifier(String table) {
        try {
            return Identifier.ofQualified(table);
        } catch (IllegalArgumentException e) {
            throw new ClickHouseConfigurationException("Invalid table: " + e.getMessage(), e);
        }
    }

    /** Forgets the cached schema of {@code table}, after an {@code ALTER TABLE}; the next insert asks again. */
    public void invalidateSchema(String table) {
        context.forget(table);
    }

    // ---- Inserter factories (batching background inserts, see io.chspring.client.inserter.Inserter) ----

    /**
     * A builder for an {@link Inserter} that batches rows of {@code table} in the background and inserts them
     * through this client ({@link #batchSender()}). {@code encoder} writes one row as RowBinary
     * for {@code columns}, in that order. The inserter uses this client's settings, database and compression; it
     * does not close the client, and the client must outlive it.
     */
    public <T> InserterBuilder<T> inserter(String table, List<String> columns, RowEncoder<T> encoder) {
        return Inserter.builder(table, columns, encoder, batchSender());
    }

    /**
     * A builder for an {@link Inserter} of {@code type} rows (records or classes, see {@link RowType}): the table's
     * schema is read now ({@link #describeTable(String)}) and checked against the class, so a mismatch fails here,
     * before the first write; the inserter's columns are the class's insertable properties that the table has.
     *
     * @throws ClickHouseSchemaException listing every mismatch between the class and the table
     */
    public <T> InserterBuilder<T> inserter(String table, Class<T> type) {
        return inserter(table, RowType.of(type), MappingOptions.DEFAULT);
    }

    /** {@link #inserter(String, Class)} with a row type from another metadata source and explicit mapping options. */
    public <T> InserterBuilder<T> inserter(String table, RowType<T> rowType, MappingOptions options) {
        MappedRowEncoder<T> encoder = MappedRowEncoder.of(rowType, describeTable(table),
                context.mappingOptions(options, Map.of()));
        return Inserter.builder(table, encoder.columnNames(), encoder::encode, batchSender())
                .columnTypes(encoder.columns().stream().map(column -> column.type().toString()).toList());
    }

    /**
     * The {@link BatchSender} over this client: one {@code INSERT ... FORMAT RowBinary} per attempt with a fresh query
     * id, compressed as the client is configured, with the batch's dedup token as {@code insert_deduplication_token}
     * when {@link #capabilities()} says the server supports it (22.2+; not on 18.16, where retries and replays are
     * at-least-once). Errors keep the client's retry classification, except MEMORY_LIMIT_EXCEEDED (241), which an
     * inserter retries within its retry budget. Also what {@link Inserter#replay(java.nio.file.Path, BatchSender)}
     * takes to send spooled batches again.
     */
    public BatchSender batchSender() {
        return BatchSender.over(context);
    }

    // ---- end of Inserter factories ----

    // ---- Several endpoints and clusters ----

    /**
     * Every endpoint of this client with its state (healthy or quarantined, requests in flight, failures, last
     * error), in configuration order. A client with one endpoint does not track its health: it reports it healthy.
     */
    public List<EndpointStatus> endpointStatuses() {
        if (context.transport() instanceof RoutingTransport routing) {
            return routing.statuses();
        }
        return List.of(new EndpointStatus(config.endpoint().authority(), true, 0, 0, Optional.empty(),
                Optional.empty()));
    }

    /**
     * A copy whose requests go to some of this client's endpoints only (the replicas of one shard, or one node),
     * sharing their pools and health; failover stays within them.
     *
     * @throws ClickHouseConfigurationException naming an endpoint that is not one of this client's
     */
    public ClickHouseClient forEndpoints(List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new ClickHouseConfigurationException("forEndpoints: no endpoints");
        }
        for (Endpoint e : endpoints) {
            if (!config.endpoints().contains(e)) {
                throw new ClickHouseConfigurationException("Endpoint " + e.authority() + " is not an endpoint of this "
                        + "client (" + config.endpoints().stream().map(Endpoint::authority).toList() + ")");
            }
        }
        ClickHouseClientConfig derived = config.toBuilder().endpoints(endpoints.stream().map(Endpoint::uri).toList())
                .buildConfig();
        RequestContext routed = context.transport() instanceof RoutingTransport routing
                ? context.routedThrough(routing.subset(endpoints.stream().map(Endpoint::uri).toList(),
                        config.loadBalancing()))
                : context.derive(config.settings(), config.database().orElse(null), config.compression(),
                        config.compressionLevel(), config.forceResponseCompression());
        return new ClickHouseClient(derived, routed, false);
    }

    /**
     * The configured cluster as {@code system.clusters} describes it: shards, weights, replicas.
     *
     * @throws ClickHouseConfigurationException when no cluster is configured, or the server does not know it
     */
    public ClusterTopology clusterTopology() {
        return ClusterOperations.topology(this, ClusterOperations.requireCluster(config));
    }

    /**
     * Runs DDL on every node of the configured cluster: {@code ON CLUSTER <cluster>} is put where the statement's
     * grammar wants it ({@code CREATE TABLE t ...} becomes {@code CREATE TABLE t ON CLUSTER c ...}; a statement
     * that says {@code ON CLUSTER} already is sent as written). Arguments bind to {@code ?} placeholders.
     *
     * @return what each host did, every one successfully
     * @throws ClickHouseDistributedDdlException when a host failed, or had not finished when the server stopped
     *     waiting ({@code distributed_ddl_task_timeout}, code 159): it names those hosts
     * @throws ClickHouseConfigurationException when no cluster is configured, or the statement is not DDL that can
     *     run on a cluster
     */
    public DistributedDdlOutcome executeOnCluster(String sql, Object... args) {
        return ClusterOperations.executeOnCluster(this, ClusterOperations.requireCluster(config), sql, args);
    }

    /**
     * An inserter that writes rows of {@code type} straight to the shard-local tables of the Distributed table
     * {@code distributedTable}, each row to the shard the Distributed table would choose (its sharding expression:
     * an integer column, {@code cityHash64(column)} or {@code rand()}; its cluster's weights), on a replica of that
     * shard among this client's endpoints. Each shard's rows are batched by an {@link Inserter} that
     * {@code options} configures; a batch that fails on one replica is retried on another, the same bytes.
     *
     * @throws ClickHouseConfigurationException when the table is not Distributed, its sharding expression is not
     *     one the client computes, or a shard has no replica among this client's endpoints
     */
    public <T> ShardedInserter<T> shardedInserter(String distributedTable, Class<T> type,
            Consumer<InserterBuilder<T>> options) {
        return ClusterOperations.shardedInserter(this, distributedTable, type, options);
    }

    /** Whether the root client, and so this copy, is closed. */
    public boolean isClosed() {
        return context.isClosed();
    }

    /** Closes the transport when this is the root client; does nothing on a derived copy. */
    @Override
    public void close() {
        if (root) {
            context.close();
        }
    }

    @Override
    public String toString() {
        return "ClickHouseClient[" + config.endpoint() + (root ? "" : ", derived") + "]";
    }
}
