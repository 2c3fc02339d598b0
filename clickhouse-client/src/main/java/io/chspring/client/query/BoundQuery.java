package io.chspring.client.query;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.request.Settings;
import io.chspring.client.sql.SqlTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a {@link PreparedQuery}: its values and per-run options, then one terminal call
 * ({@link #fetch()}, {@link #fetchAll()}, {@link #fetchOne()}, {@link #fetchOptional()}). A mutable builder, used
 * once, not thread-safe; the prepared query it comes from is shared.
 *
 * @param <T> the row type
 */
public final class BoundQuery<T> {

    private final PreparedQuery<T> prepared;
    private final Map<String, Object> named = new HashMap<>();
    private List<Object> positional;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String queryId;
    private String sessionId;
    private Duration timeout;
    private boolean waitEndOfQuery;
    private boolean used;

    BoundQuery(PreparedQuery<T> prepared) {
        this.prepared = prepared;
    }

    /**
     * Binds {@code value} to {@code :name} (a {@code null} value binds {@code NULL}). In SQL with {@code ?}
     * placeholders and no {@code :name}, both arguments are positional values instead: Java picks this method for
     * {@code bind("a", 1)}, which there means two {@code ?} values.
     */
    public BoundQuery<T> bind(String name, Object value) {
        if (prepared.parameterNames().isEmpty() && prepared.placeholderCount() > 0) {
            return bind(new Object[] {name, value});
        }
        if (!prepared.parameterNames().contains(name)) {
            throw new ClickHouseConfigurationException("The query has no parameter :" + name + "; its parameters are "
                    + prepared.parameterNames().stream().map(n -> ":" + n).toList());
        }
        named.put(name, value);
        return this;
    }

    /** Binds every entry of {@code values} by name, as {@link #bind(String, Object)}. */
    public BoundQuery<T> bindAll(Map<String, ?> values) {
        values.forEach(this::bind);
        return this;
    }

    /** Binds values to the next {@code ?} placeholders, in order. */
    public BoundQuery<T> bind(Object... values) {
        if (positional == null) {
            positional = new ArrayList<>();
        }
        positional.addAll(values == null ? Arrays.asList((Object) null) : Arrays.asList(values));
        return this;
    }

    /** A ClickHouse setting for this execution only, as {@link Query#setting(String, Object)}. */
    public BoundQuery<T> setting(String name, Object value) {
        // checked now, so that the mistake points at this call rather than at the fetch
        settings.put(Settings.checkName(name), Settings.valueText(name, value));
        return this;
    }

    /** A server-side {@code {name:Type}} parameter (ClickHouse 19.11+), as {@link Query#param(String, Object)}. */
    public BoundQuery<T> param(String name, Object value) {
        parameters.put(ParameterValues.checkName(name), value);
        return this;
    }

    /** The query id of this execution; a random UUID when not set. */
    public BoundQuery<T> queryId(String id) {
        this.queryId = id;
        return this;
    }

    /** Runs this execution in a server session, as {@link Query#session(String)}. */
    public BoundQuery<T> session(String id) {
        this.sessionId = id;
        return this;
    }

    /** The longest this execution may run, as {@link Query#timeout(Duration)}. */
    public BoundQuery<T> timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /** Whether the server buffers the whole result first, as {@link Query#waitEndOfQuery(boolean)}. */
    public BoundQuery<T> waitEndOfQuery(boolean wait) {
        this.waitEndOfQuery = wait;
        return this;
    }

    /**
     * Runs the query and streams its rows; close the cursor. Its {@link RowCursor#columns()} are known before the
     * first row.
     */
    public RowCursor<T> fetch() {
        return query().fetch(prepared.type(), prepared.rowType(), prepared::readerFor);
    }

    /** Runs the query and streams its result as blocks of columns, as {@link Query#fetchBlocks()}; close the cursor. */
    public BlockCursor fetchBlocks() {
        return query().fetchBlocks();
    }

    /** All rows as a list; for results that fit in memory. */
    public List<T> fetchAll() {
        try (RowCursor<T> cursor = fetch()) {
            List<T> all = new ArrayList<>();
            for (T row : cursor) {
                all.add(row);
            }
            return all;
        }
    }

    /**
     * The only row, or empty when there is none.
     *
     * @throws ClickHouseException when there is more than one row
     */
    public Optional<T> fetchOptional() {
        try (RowCursor<T> cursor = fetch()) {
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
     * The only row.
     *
     * @throws ClickHouseException when there is no row or more than one
     */
    public T fetchOne() {
        try (RowCursor<T> cursor = fetch()) {
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

    /** The query of this execution: the prepared text with the named values written in (not lexed again). */
    private Query query() {
        if (used) {
            throw new IllegalStateException("This execution was already run; bind again on the PreparedQuery");
        }
        used = true;
        SqlTemplate template = prepared.template();
        Query query = new Query(prepared.context(), template).mappingOptions(prepared.options())
                .shapeKeySql(prepared.template().sql());
        // settings first: a session_timezone among them is the zone a bound LocalDateTime may need
        query.settings(settings);
        if (!template.namedParameterNames().isEmpty()) {
            try {
                query.bindNamed(named);
            } catch (IllegalArgumentException e) {
                throw new ClickHouseConfigurationException(e.getMessage(), e);
            }
        }
        if (positional != null) {
            query.bind(positional.toArray());
        }
        parameters.forEach(query::param);
        if (queryId != null) {
            query.queryId(queryId);
        }
        if (sessionId != null) {
            query.session(sessionId);
        }
        if (timeout != null) {
            query.timeout(timeout);
        }
        return query.waitEndOfQuery(waitEndOfQuery);
    }
}
