package io.chspring.client;

import io.chspring.client.inserter.BatchSender;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterBuilder;
import io.chspring.client.insert.RawInsert;
import io.chspring.client.inserter.RowEncoder;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.query.Query;
import io.chspring.client.request.RequestContext;
import io.chspring.client.sql.Identifier;
import io.chspring.client.sql.SqlTemplate;
import io.chspring.client.transport.Transport;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
     *   <li>{@code compression} = {@code lz4} (default) | {@code none}</li>
     *   <li>{@code connect_timeout}, {@code socket_timeout} (alias {@code response_timeout}): milliseconds, or a
     *       number with a unit ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}), or ISO-8601 ({@code PT10S})</li>
     *   <li>{@code max_connections} (pool total), {@code max_connections_per_route}</li>
     *   <li>{@code ssl} (alias {@code secure}) = {@code true} switches to https (default port 8443)</li>
     *   <li>{@code database} (instead of the path), {@code user}, {@code password} (these two win over the
     *       user-info part)</li>
     * </ul>
     * Every other key is a ClickHouse setting sent with each request, for example {@code max_threads=4}. Keys the
     * server reads as protocol parameters ({@code query_id}, {@code session_id}, {@code compress}, ...) and
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
        Transport transport = config.transportFactory().isPresent()
                ? config.transportFactory().get().apply(config)
                : HttpTransportFactory.create(config);
        if (transport == null) {
            throw new ClickHouseConfigurationException("The transport factory returned null");
        }
        if (config.requestListener().isPresent()) {
            transport = new ListeningTransport(transport, config.requestListener().get());
        }
        return new ClickHouseClient(config, RequestContext.open(transport, config.endpoint(), ClickHouseClient::describe,
                config.settings(), config.database().orElse(null), config.compression(),
                config.forceResponseCompression()), true);
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

    /** A copy with another body compression. */
    public ClickHouseClient withCompression(Compression compression) {
        return derive(config.toBuilder().compression(compression));
    }

    private ClickHouseClient derive(ClickHouseClientBuilder changed) {
        ClickHouseClientConfig derived = changed.buildConfig();
        return new ClickHouseClient(derived, context.derive(derived.settings(), derived.database().orElse(null),
                derived.compression(), derived.forceResponseCompression()), false);
    }

    /**
     * Whether request bodies (INSERT rows) go to the server LZ4-framed: compression is {@link Compression#LZ4} and
     * the transport frames bodies (HTTP does; an in-process engine does not).
     */
    public boolean compressesRequestBodies() {
        return context.compressesRequestBodies();
    }

    /** The server's version, asked once per transport with {@code SELECT version()} and cached. */
    public ServerVersion serverVersion() {
        return context.capabilities().version();
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

    /** A new query; see {@link Query} for binding, settings and how to read the result. */
    public Query query(String sql) {
        return new Query(context, sql);
    }

    /**
     * A new query of SQL parsed already (by a caller that lexed it to learn its placeholders, or bound its
     * {@code :name} values with {@link SqlTemplate#bindNamed}), so it is not lexed again.
     */
    public Query query(SqlTemplate sql) {
        return new Query(context, sql);
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
        MappedRowEncoder<T> encoder = MappedRowEncoder.of(rowType, describeTable(table), options);
        return Inserter.builder(table, encoder.columnNames(), encoder::encode, batchSender());
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
