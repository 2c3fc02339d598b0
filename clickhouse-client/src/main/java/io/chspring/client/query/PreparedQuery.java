package io.chspring.client.query;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.request.RequestContext;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.sql.SqlTemplate;
import io.chspring.client.type.ClickHouseColumn;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A query prepared once and run many times with other values and settings: the SQL is lexed once, {@code ?fields}
 * is written into it once (the column list of the row type), and the row reader is built on the first run and kept
 * for every later run whose result has the same columns. Immutable and thread-safe: share one between threads and
 * call {@link #bind(String, Object)} (or {@link #bind(Object...)}, {@link #run()}) for each execution, which
 * returns a {@link BoundQuery}, a one-use builder of that execution.
 *
 * <pre>{@code
 * PreparedQuery<Event> byUser = client.prepare("SELECT ?fields FROM events WHERE user_id = :user", Event.class);
 * List<Event> a = byUser.bind("user", 42).fetchAll();
 * try (RowCursor<Event> b = byUser.bind("user", 7).setting("max_threads", 2).fetch()) { ... }
 * }</pre>
 *
 * <p>Values are rendered client-side as SQL literals, as {@link Query#bind(Object...)} does; a collection after
 * {@code IN} becomes a list. The result's columns still come from the server on every run (from the
 * RowBinaryWithNamesAndTypes header, or on 18.16 from {@code DESCRIBE (...)} on the first run and a server-side
 * check of the known columns on later runs), because bound values may change them
 * ({@code SELECT :x}); only when they differ from the cached ones is a new reader built.
 *
 * @param <T> the row type: a record or class, {@code Map}, {@code Object[]} or a scalar, as for
 *     {@link Query#fetch(Class)}
 */
public final class PreparedQuery<T> {

    private final RequestContext context;
    private final SqlTemplate template;
    private final Class<T> type;
    private final RowType<T> rowType;
    private final MappingOptions options;
    private final ReadFormats formats;
    /** The columns of the last result and their reader; replaced whole, so readers never see a torn pair. */
    private volatile Reader<T> reader;
    private final LongAdder readerBuilds = new LongAdder();

    private PreparedQuery(RequestContext context, SqlTemplate template, Class<T> type, RowType<T> rowType,
            MappingOptions options, ReadFormats formats) {
        this.context = context;
        this.template = template;
        this.type = type;
        this.rowType = rowType;
        this.options = options;
        this.formats = formats;
    }

    /**
     * Prepares {@code sql} for {@code type} rows in {@code context}; users call {@code client.prepare(sql, type)}.
     *
     * @throws ClickHouseConfigurationException when the SQL does not lex (an unclosed quote or comment, mixed
     *     {@code ?} and {@code :name}) or has {@code ?fields} while {@code type} is not a mapped row class
     */
    public static <T> PreparedQuery<T> of(RequestContext context, String sql, Class<T> type, MappingOptions options) {
        Objects.requireNonNull(type, "type");
        return of(context, sql, type, RowReaders.isRowClass(type) ? RowType.of(type) : null, options);
    }

    /** Like {@link #of(RequestContext, String, Class, MappingOptions)}, with a row type from another metadata source. */
    public static <T> PreparedQuery<T> of(RequestContext context, String sql, RowType<T> rowType,
            MappingOptions options) {
        return of(context, sql, rowType.type(), rowType, options);
    }

    private static <T> PreparedQuery<T> of(RequestContext context, String sql, Class<T> type, RowType<T> rowType,
            MappingOptions options) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(options, "options");
        SqlTemplate parsed;
        try {
            parsed = SqlTemplate.parse(sql);
        } catch (IllegalArgumentException e) {
            throw new ClickHouseConfigurationException("Cannot prepare the query: " + e.getMessage(), e);
        }
        if (parsed.hasFields()) {
            if (rowType == null) {
                throw new ClickHouseConfigurationException("?fields needs a mapped row class, not " + type.getName());
            }
            parsed = parsed.withFields(rowType.selectList());
        }
        return new PreparedQuery<>(context, parsed, type, rowType, options, ReadFormats.NONE);
    }

    /**
     * This query with {@code formats} added to its read formats (they win where both choose), as
     * {@link Query#readFormats(ReadFormats)}: a new prepared query with a reader of its own, this one unchanged.
     */
    public PreparedQuery<T> withReadFormats(ReadFormats formats) {
        ReadFormats all = this.formats.and(Objects.requireNonNull(formats, "formats"));
        return all.equals(this.formats) ? this
                : new PreparedQuery<>(context, template, type, rowType, options, all);
    }

    /** The read formats of this query's untyped values. */
    public ReadFormats readFormats() {
        return formats;
    }

    /** The SQL as it is sent before values are bound: {@code ?fields} expanded, {@code ?} and {@code :name} kept. */
    public String sql() {
        return template.sql();
    }

    /** The distinct {@code :name} parameters, in order of first appearance. */
    public List<String> parameterNames() {
        return template.namedParameterNames();
    }

    /** The names of the server-side {@code {name:Type}} parameters, which {@link BoundQuery#param} sets. */
    public java.util.Set<String> serverParameterNames() {
        return template.serverParameterNames();
    }

    /** The number of {@code ?} placeholders. */
    public int placeholderCount() {
        return template.placeholderCount();
    }

    /**
     * A new execution with {@code value} bound to {@code :name}; bind the other names on the result. (In SQL with
     * {@code ?} placeholders only, both arguments are positional values, see {@link BoundQuery#bind(String, Object)}.)
     */
    public BoundQuery<T> bind(String name, Object value) {
        return run().bind(name, value);
    }

    /** A new execution with values bound to the {@code ?} placeholders, in order. */
    public BoundQuery<T> bind(Object... values) {
        return run().bind(values);
    }

    /** A new execution with nothing bound yet (for SQL without placeholders, or to set options first). */
    public BoundQuery<T> run() {
        return new BoundQuery<>(this);
    }

    RequestContext context() {
        return context;
    }

    SqlTemplate template() {
        return template;
    }

    Class<T> type() {
        return type;
    }

    RowType<T> rowType() {
        return rowType;
    }

    MappingOptions options() {
        return options;
    }

    /**
     * The reader for {@code columns} with {@code resolved} (this query's options with the client's time zones filled
     * in): the cached one when both are those of the last result.
     */
    Function<RowBinaryInput, T> readerFor(List<ClickHouseColumn> columns, MappingOptions resolved) {
        Reader<T> known = reader;
        if (known != null && known.columns.equals(columns) && known.options.equals(resolved)) {
            return known.read;
        }
        Reader<T> built = new Reader<>(List.copyOf(columns), resolved,
                RowReaders.of(type, rowType, columns, resolved, formats));
        readerBuilds.increment();
        reader = built;
        return built.read;
    }

    /** Whether a reader was built and kept; for tests of the cache. */
    boolean hasReader() {
        return reader != null;
    }

    /**
     * How many times a row reader was built for this query: once for its first run, and again only for a run whose
     * result had other columns than the run before. A number that grows with every run points at SQL whose result
     * columns change with the bound values.
     */
    public long readerBuilds() {
        return readerBuilds.sum();
    }

    private record Reader<T>(List<ClickHouseColumn> columns, MappingOptions options, Function<RowBinaryInput, T> read) {
    }

    @Override
    public String toString() {
        return "PreparedQuery[" + template.sql() + " -> " + type.getName() + "]";
    }
}
