package io.chspring.client.query;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.QuerySummary;
import io.chspring.client.ServerCapabilities;
import io.chspring.client.block.NativeBlockReader;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.request.ClickHouseRequest;
import io.chspring.client.request.RequestContext;
import io.chspring.client.rowbinary.ReadFormat;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.rowbinary.RowBinaryHeader;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.client.sql.SqlTemplate;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.transport.TransportResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One statement to run: a mutable builder, used once, <b>not thread-safe</b>. Get one from
 * {@code ClickHouseClient.query(String)}, set options, then call one terminal operation: {@link #execute()},
 * {@link #fetchBytes(String)} or {@link #fetchString(String)}.
 *
 * <p>Two ways to pass values: {@link #bind(Object...)} renders them client-side as SQL literals in place of
 * {@code ?} placeholders (every server version); {@link #param(String, Object)} sends them to the server for
 * {@code {name:Type}} placeholders, which needs ClickHouse 19.11 or newer.
 *
 * <p>Typed reads ({@code fetch(Class)}, {@code fetchAll}, {@code fetchOne}, {@code fetchOptional} and the
 * {@code ?fields} placeholder) build on the package-private {@code open(format, fields)}: they ask for a RowBinary
 * format and decode the stream it returns.
 */
public final class Query extends ClickHouseRequest<Query> {

    /** The most bytes {@link #fetchString(String)} reads; larger results must be streamed. */
    public static final int MAX_STRING_BYTES = 16 << 20;

    private String sql;
    private SqlTemplate template;
    private List<Object> args;
    /** Parameter texts, or a {@code LocalDateTime} whose text waits for the request's settings (its zone). */
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private boolean waitEndOfQuery;
    private MappingOptions mappingOptions = MappingOptions.DEFAULT;
    private ReadFormats readFormats = ReadFormats.NONE;
    private Duration deadline;
    /** The text its result columns are cached under: the SQL before values were bound into it (see BoundQuery). */
    private String shapeSql;
    private final Map<String, ExternalTable> externalTables = new LinkedHashMap<>();

    /** A query of {@code sql} in {@code context}; users get one from {@code client.query(sql)}. */
    public Query(RequestContext context, String sql) {
        super(context);
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /**
     * A query of SQL parsed already (by a caller that lexed it to learn its placeholders, or bound some of them with
     * {@link SqlTemplate#bindNamed}), so it is not lexed again; {@code ?} and {@code ?fields} work as for a string.
     */
    public Query(RequestContext context, SqlTemplate sql) {
        super(context);
        this.template = Objects.requireNonNull(sql, "sql");
        this.sql = sql.sql();
    }

    @Override
    protected Query self() {
        return this;
    }

    /**
     * Binds values to the next {@code ?} placeholders, in order; values are rendered as escaped SQL literals.
     * Without any {@code bind} call the SQL is sent exactly as written (so a {@code ?:} ternary stays intact).
     */
    public Query bind(Object... values) {
        if (args == null) {
            args = new ArrayList<>();
        }
        args.addAll(values == null ? Arrays.asList((Object) null) : Arrays.asList(values));
        return this;
    }

    /**
     * Sets a server-side parameter for a {@code {name:Type}} placeholder; the server parses and checks the value
     * against the type. Needs ClickHouse 19.11 or newer, checked when the query is sent.
     */
    public Query param(String name, Object value) {
        parameters.put(ParameterValues.checkName(name),
                value instanceof LocalDateTime t ? t : ParameterValues.text(name, value));
        return this;
    }

    /**
     * Writes the values of {@code :name} placeholders into the SQL as literals (client-side, like {@link #bind}); a
     * {@code LocalDateTime} means the instant the client's {@code TimeZoneRule} gives it. Every name of the SQL needs a
     * value.
     *
     * @throws IllegalArgumentException naming a missing or unknown name, or a value without a literal form
     */
    public Query bindNamed(Map<String, ?> values) {
        template = template().bindNamed(BoundDateTimes.convert(values, this::boundLocalDateTimeZone));
        sql = template.sql();
        return this;
    }

    /** Whose wall clock a bound {@code LocalDateTime} is, by the client's rule and this request's settings. */
    private ZoneId boundLocalDateTimeZone() {
        return context().boundLocalDateTimeZone(requestSettings());
    }

    /**
     * Whether the server buffers the whole result before answering ({@code wait_end_of_query=1}). Then an error
     * during execution arrives as an HTTP error instead of after rows already sent, at the cost of server memory.
     */
    public Query waitEndOfQuery(boolean wait) {
        this.waitEndOfQuery = wait;
        return this;
    }

    /**
     * Sends {@code table} with the query as external data: the SQL reads it by its name ({@code WHERE id IN ext},
     * {@code JOIN ext USING id}) and nothing is created on the server. Several tables may go with one query. Rows and
     * records are checked against the table's structure when the query is sent, before any byte goes out. Needs the
     * HTTP interface (the embedded engine refuses it).
     *
     * @throws ClickHouseConfigurationException when a table of the same name was added already
     */
    public Query externalTable(ExternalTable table) {
        Objects.requireNonNull(table, "table");
        if (externalTables.putIfAbsent(table.name(), table) != null) {
            throw new ClickHouseConfigurationException("external table '" + table.name() + "' is given twice");
        }
        return this;
    }

    /** How typed reads map rows (codec options, schema validation on or off); {@link MappingOptions#DEFAULT} if unset. */
    public Query mappingOptions(MappingOptions options) {
        this.mappingOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Reads values of the ClickHouse type {@code typeName} in {@code format} where this query's reads leave the Java
     * type open: maps ({@link #fetchMaps()}), {@code Object[]} rows, {@code Object} scalars, fields and elements of
     * type {@code Object}. {@code typeName} is a family ({@code IPv4}, {@code UUID}, {@code FixedString},
     * {@code UInt64}, {@code Enum}, {@code Date}, {@code DateTime}) or a whole type ({@code FixedString(16)}); it
     * applies inside Nullable, LowCardinality, Array, Tuple and Map too. Wins over the client's default for the type.
     *
     * @throws ClickHouseConfigurationException naming the type when it is unknown, or when the format does not apply
     *     to it
     */
    public Query readFormat(String typeName, ReadFormat format) {
        this.readFormats = readFormats.withType(typeName, format);
        return this;
    }

    /**
     * {@link #readFormat(String, ReadFormat)} with the format by name ({@code "string"}, {@code "number"},
     * {@code "big_integer"}, ...).
     *
     * @throws ClickHouseConfigurationException naming an unknown format
     */
    public Query readFormat(String typeName, String format) {
        return readFormat(typeName, ReadFormat.of(format));
    }

    /**
     * Reads the values of the result column {@code column} in {@code format} where the read leaves the Java type open
     * (as {@link #readFormat(String, ReadFormat)}); wins over the type's format. The column name is checked when the
     * result's columns are known: one the result does not have fails the read, naming it.
     */
    public Query columnFormat(String column, ReadFormat format) {
        this.readFormats = readFormats.withColumn(column, format);
        return this;
    }

    /** {@link #columnFormat(String, ReadFormat)} with the format by name. */
    public Query columnFormat(String column, String format) {
        return columnFormat(column, ReadFormat.of(format));
    }

    /** Adds every type and column format of {@code formats}, which win over those set before. */
    public Query readFormats(ReadFormats formats) {
        this.readFormats = readFormats.and(Objects.requireNonNull(formats, "formats"));
        return this;
    }

    /**
     * Runs the query and streams its rows as {@code type}: a record or class (mapped with {@link RowType#of(Class)};
     * {@code ?fields} expands to its columns), {@code Map} (column name to value), {@code Object[]}, or a value type
     * such as {@code Long} or {@code String} for a one-column result. Close the cursor.
     *
     * @throws io.chspring.client.ClickHouseSchemaException listing every mismatch between the result and the class
     */
    public <T> RowCursor<T> fetch(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return fetch(type, RowReaders.isRowClass(type) ? RowType.of(type) : null);
    }

    /** Like {@link #fetch(Class)}, with a row type from another metadata source. */
    public <T> RowCursor<T> fetch(RowType<T> rowType) {
        return fetch(rowType.type(), rowType);
    }

    /** All rows as a list; for results that fit in memory (stream large ones with {@link #fetch(Class)}). */
    public <T> List<T> fetchAll(Class<T> type) {
        try (RowCursor<T> cursor = fetch(type)) {
            List<T> all = new ArrayList<>();
            for (T row : cursor) {
                all.add(row);
            }
            return all;
        }
    }

    /**
     * All rows as maps from column name to value, in column order; the result also tells its
     * {@link MapRows#columns() columns} (names and types), known even when there is no row.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MapRows fetchMaps() {
        try (RowCursor<Map> cursor = fetch(Map.class)) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Map row : cursor) {
                all.add(row);
            }
            return new MapRows(cursor.columns(), all);
        }
    }

    /**
     * The only row, or empty when there is none ({@code null} values of a scalar read are empty too).
     *
     * @throws ClickHouseException when there is more than one row
     */
    public <T> Optional<T> fetchOptional(Class<T> type) {
        try (RowCursor<T> cursor = fetch(type)) {
            if (!cursor.hasNext()) {
                return Optional.empty();
            }
            T row = cursor.next();
            if (cursor.hasNext()) {
                throw new ClickHouseException("Query " + cursor.queryId() + " returned more than one row where at most "
                        + "one was expected", null, 0, cursor.queryId(), false);
            }
            return Optional.ofNullable(row);
        }
    }

    /**
     * The only row (for a scalar: its value, {@code null} for NULL).
     *
     * @throws ClickHouseException when there is no row or more than one
     */
    public <T> T fetchOne(Class<T> type) {
        try (RowCursor<T> cursor = fetch(type)) {
            if (!cursor.hasNext()) {
                throw new ClickHouseException("Query " + cursor.queryId() + " returned no row where one was expected",
                        null, 0, cursor.queryId(), false);
            }
            T row = cursor.next();
            if (cursor.hasNext()) {
                throw new ClickHouseException("Query " + cursor.queryId() + " returned more than one row where one "
                        + "was expected", null, 0, cursor.queryId(), false);
            }
            return row;
        }
    }

    /**
     * RowBinaryWithNamesAndTypes where the server has it (19.3+): the header names the columns and types. Older
     * servers (18.16) get plain RowBinary, with the columns learned or checked first ({@link HeaderlessTypedRead}).
     */
    private <T> RowCursor<T> fetch(Class<T> type, RowType<T> rowType) {
        ReadFormats formats = readFormats;
        return fetch(type, rowType, (columns, options) -> context().readers().get(
                new ReaderKey(type, rowType, columns, options, formats),
                () -> RowReaders.of(type, rowType, columns, options, formats)));
    }

    /**
     * The typed read, with the row reader for the result's columns and the mapping options (the client's time zones
     * filled in) from {@code readers} (a prepared query's cache).
     */
    <T> RowCursor<T> fetch(Class<T> type, RowType<T> rowType,
            BiFunction<List<ClickHouseColumn>, MappingOptions, Function<RowBinaryInput, T>> readers) {
        String fields = null;
        if (template().hasFields()) {
            if (rowType == null) {
                throw new ClickHouseConfigurationException("?fields needs a mapped row class, not " + type.getName());
            }
            fields = rowType.selectList();
        }
        boolean withHeader = capabilities().supportsRowBinaryWithNamesAndTypes();
        // before the response opens: filling in the server's zone may ask the server, never in the middle of a stream
        MappingOptions options = context().mappingOptions(mappingOptions, requestSettings());
        if (!withHeader) {
            return new HeaderlessTypedRead<>(this, fields, context().resultShapes(), readers, options).fetch();
        }
        QueryResponse response = open("RowBinaryWithNamesAndTypes", fields);
        try {
            RowBinaryInput in = new RowBinaryInput(response, 64 * 1024);
            List<ClickHouseColumn> columns = RowBinaryHeader.read(in);
            return new RowCursor<>(response, in, columns, readers.apply(columns, options));
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
    }

    /**
     * Runs the query and streams its result as blocks of columns read from ClickHouse's {@code Native} format:
     * primitive arrays for numbers, object arrays for the rest, nulls as bit sets, one block in memory at a time.
     * Works on every server version (18.16 included) and with LZ4 response compression. Close the cursor.
     *
     * @throws io.chspring.client.ClickHouseSchemaException naming the column for a type blocks do not read (JSON,
     *     Dynamic)
     */
    public BlockCursor fetchBlocks() {
        if (template().hasFields()) {
            throw new ClickHouseConfigurationException("?fields needs a mapped row class; fetchBlocks() has none");
        }
        // the client's time zones filled in before the response opens, as for rows
        CodecOptions options = context().mappingOptions(mappingOptions, requestSettings()).codecOptions();
        QueryResponse response = open("Native", null);
        try {
            NativeBlockReader reader = new NativeBlockReader(new RowBinaryInput(response, 64 * 1024), options);
            return new BlockCursor(response, reader, () -> DescribeRequest.shape(this, null).columns());
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
    }

    /**
     * Caches this query's result columns under {@code unboundSql} instead of its own text: a prepared query whose
     * {@code :name} values are already bound into the SQL is still the same query for every value.
     */
    Query shapeKeySql(String unboundSql) {
        this.shapeSql = unboundSql;
        return this;
    }

    /** What a result's columns are cached under: the query text and what it is resolved against. */
    String shapeKey(@Nullable String fields) {
        String database = effectiveDatabase();
        String session = effectiveSession();
        return (database == null ? "" : database) + '\0' + (session == null ? "" : session) + '\0'
                + (shapeSql != null ? shapeSql : sql) + '\0'
                + (fields == null ? "" : fields);
    }

    /**
     * A request of {@code sql} (bound already) with this query's options, parameters, external tables and query id:
     * a check runs as a request of its own, so that this one stays unsent for the fallback.
     */
    Query sibling(String sql) {
        Query sibling = copyOptionsTo(new Query(context(), sql));
        sibling.waitEndOfQuery = waitEndOfQuery;
        sibling.deadline = deadline;
        sibling.parameters.putAll(parameters);
        sibling.externalTables.putAll(externalTables);
        if (chosenQueryId() != null) {
            sibling.queryId(chosenQueryId());
        }
        return sibling;
    }

    /**
     * A request of {@code sql} that asks about this query's result ({@link DescribeRequest}): this query's options,
     * server-side parameters and external tables, their rows only when {@code withRows}.
     */
    Query describing(String sql, boolean withRows) {
        Query describe = copyOptionsTo(new Query(context(), sql));
        // the server substitutes {name:Type} before it describes anything: without the values DESCRIBE fails (code
        // 456), and a server without parameters gets the client's message rather than a syntax error
        describe.parameters.putAll(parameters);
        externalTables.values().forEach(t -> describe.externalTable(withRows ? t : t.withoutRows()));
        // an id of its own (two requests may not share one), derived from the caller's so that an error here and the
        // query_log row tie back to it
        if (chosenQueryId() != null) {
            describe.queryId(chosenQueryId() + ":describe");
        }
        return describe;
    }

    /** Runs the query for the {@code TabSeparatedWithNamesAndTypes} header of its answer: the result's columns. */
    List<ClickHouseColumn> fetchHeaderColumns() {
        try (QueryResponse header = fetchBytes("TabSeparatedWithNamesAndTypes")) {
            return TsvHeader.read(header, header.queryId());
        } catch (IOException e) {
            throw readFailure(e, chosenQueryId());
        }
    }

    /** Whether the caller chose this query's id (else each request gets a random one). */
    boolean choseQueryId() {
        return chosenQueryId() != null;
    }

    /**
     * The longest this query may run, from sending it to reading its last byte (and the longest wait for any byte,
     * instead of the client's response timeout). When it is over, the exchange is cancelled and reading throws a
     * {@link io.chspring.client.ClickHouseTimeoutException}. Client-side: the server notices the closed connection
     * when it next writes; to make it stop on its own, set {@code max_execution_time} too.
     */
    @Override
    public Query timeout(Duration value) {
        super.timeout(value);
        this.deadline = value;
        return this;
    }

    /** Runs the statement, reads and discards any output (surfacing late errors), and returns its summary. */
    public QuerySummary execute() {
        long start = System.nanoTime();
        return finish(withDeadline(send(sql(null), parameters(), ownSettings(null), externalBody(), false, false),
                start));
    }

    private TransportResponse withDeadline(TransportResponse response, long startNanos) {
        return deadline == null ? response : QueryDeadline.of(response, deadline, startNanos);
    }

    /**
     * Runs the query and streams its result in {@code format} (for example {@code TabSeparated}, {@code CSVWithNames},
     * {@code JSONEachRow}, {@code RowBinary}). The SQL must not have its own {@code FORMAT} clause. Close the
     * response to release the connection.
     */
    public QueryResponse fetchBytes(String format) {
        return open(format, null);
    }

    /**
     * Runs the query and returns its whole result in {@code format} as UTF-8 text; for small results only.
     *
     * @throws ClickHouseException when the result exceeds {@link #MAX_STRING_BYTES}
     */
    public String fetchString(String format) {
        QueryResponse response = fetchBytes(format);
        try (response) {
            byte[] bytes = response.readNBytes(MAX_STRING_BYTES + 1);
            if (bytes.length > MAX_STRING_BYTES) {
                throw new ClickHouseException("The result of query " + response.queryId() + " exceeds "
                        + MAX_STRING_BYTES + " bytes; stream it with fetchBytes(...) instead", null, 0,
                        response.queryId(), false);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw readFailure(e, response.queryId());
        }
    }

    /**
     * Sends the query asking for {@code format}, with {@code fields} in place of a {@code ?fields} placeholder
     * ({@code null} when there is none). The hook for typed reads.
     */
    QueryResponse open(String format, String fields) {
        if (format == null || !isFormatName(format)) {
            throw new ClickHouseConfigurationException("Invalid output format name '" + format + "'");
        }
        long start = System.nanoTime();
        TransportResponse response = send(sql(fields), parameters(), ownSettings(format), externalBody(), true,
                externalRepeatable());
        return new QueryResponse(withDeadline(response, start));
    }

    /** Whether {@code format} matches {@code [A-Za-z][A-Za-z0-9_]*}: a loop, as every read checks its format. */
    static boolean isFormatName(String format) {
        if (format.isEmpty() || !isLetter(format.charAt(0))) {
            return false;
        }
        for (int i = 1; i < format.length(); i++) {
            char c = format.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The SQL to send: rendered when values were bound (or {@code ?fields} is filled), else as written. */
    String sql(String fields) {
        if (args == null && fields == null) {
            return sql;
        }
        return template().render(args == null ? List.of() : BoundDateTimes.convert(args, this::boundLocalDateTimeZone),
                fields);
    }

    private SqlTemplate template() {
        if (template == null) {
            template = SqlTemplate.parse(sql);
        }
        return template;
    }

    private Map<String, String> parameters() {
        if (parameters.isEmpty()) {
            return Map.of();
        }
        ServerCapabilities capabilities = capabilities();
        if (!capabilities.supportsQueryParameters()) {
            throw new ClickHouseConfigurationException("Server-side query parameters " + parameters.keySet()
                    + " need ClickHouse 19.11 or newer, but the server at " + endpoint() + " runs "
                    + capabilities.version() + "; bind the values with ? and bind(...) instead");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        parameters.forEach((name, value) -> texts.put(name, value instanceof LocalDateTime t ? localDateTimeText(t)
                : (String) value));
        return texts;
    }

    /**
     * A server parses a {@code {name:DateTime}} value's text in the parameter type's zone, else the session's or
     * server's zone: exactly the {@code COLUMN} rule, so that rule sends the wall-clock text. The other rules name a
     * zone of their own, so the instant they give is sent as seconds since the epoch, which no zone shifts.
     */
    private String localDateTimeText(LocalDateTime value) {
        if (context().timeZoneRule() == TimeZoneRule.COLUMN) {
            return ParameterValues.text("", value);
        }
        return ParameterValues.text("", value.atZone(boundLocalDateTimeZone()).toInstant());
    }

    private Map<String, String> ownSettings(String format) {
        Map<String, String> own = new LinkedHashMap<>();
        if (format != null) {
            // default_format rather than a FORMAT clause appended to the SQL: it survives trailing comments and
            // semicolons, and the HTTP handler accepts it even from readonly users (checked on 18.16).
            own.put("default_format", format);
        }
        if (waitEndOfQuery) {
            own.put("wait_end_of_query", "1");
        }
        for (ExternalTable t : externalTables.values()) {
            own.put(t.name() + "_structure", t.structure());
            own.put(t.name() + "_format", t.format());
        }
        return own;
    }

    /**
     * The multipart body of the external tables, or {@code null} without any: checked first (the transport can send
     * them, every row fits its structure), so that a bad row fails before the request is made.
     */
    private MultipartBody externalBody() {
        if (externalTables.isEmpty()) {
            return null;
        }
        if (!context().transport().supportsExternalData()) {
            throw new ClickHouseConfigurationException("external tables " + externalTables.keySet()
                    + " need ClickHouse's HTTP interface; the transport at " + endpoint()
                    + " (the embedded engine has no external data) cannot send them. Insert the rows into a table, "
                    + "or pass them as values (x IN ?)");
        }
        externalTables.values().forEach(ExternalTable::check);
        return new MultipartBody(List.copyOf(externalTables.values()));
    }

    /** Whether the request may be sent again: yes unless an external table reads a one-shot stream. */
    boolean externalRepeatable() {
        return externalTables.values().stream().allMatch(ExternalTable::repeatable);
    }

    /** External data travels plain: the server reads the multipart body before it would decompress anything. */
    @Override
    protected boolean frameableBody() {
        return externalTables.isEmpty();
    }
}
