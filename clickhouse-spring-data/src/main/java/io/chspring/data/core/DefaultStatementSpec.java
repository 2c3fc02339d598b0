package io.chspring.data.core;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.mapping.RowType;
import io.chspring.client.query.BoundQuery;
import io.chspring.client.query.PreparedQuery;
import io.chspring.client.query.Query;
import io.chspring.client.sql.SqlTemplate;
import io.chspring.data.core.ClickHouseOperations.QuerySpec;
import io.chspring.data.core.ClickHouseOperations.StatementSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A statement being configured; hands the client its parsed SQL and values when it is sent. */
final class DefaultStatementSpec implements StatementSpec {

    private final ClickHouseTemplate template;
    private final String sql;
    private final List<Object> positional = new ArrayList<>();
    private final Map<String, Object> named = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private @Nullable String queryId;
    private @Nullable SqlTemplate parsed;

    DefaultStatementSpec(ClickHouseTemplate template, String sql) {
        this.template = template;
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    @Override
    public StatementSpec param(String name, @Nullable Object value) {
        named.put(Objects.requireNonNull(name, "name"), template.toColumnValue(value));
        return this;
    }

    @Override
    public StatementSpec params(Map<String, ?> values) {
        values.forEach(this::param);
        return this;
    }

    @Override
    public StatementSpec param(@Nullable Object value) {
        positional.add(template.toColumnValue(value));
        return this;
    }

    @Override
    public StatementSpec params(List<?> values) {
        values.forEach(this::param);
        return this;
    }

    @Override
    public StatementSpec setting(String name, Object value) {
        settings.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    @Override
    public StatementSpec queryId(@Nullable String id) {
        this.queryId = id;
        return this;
    }

    @Override
    public <T> QuerySpec<T> query(Class<T> type) {
        return new DefaultQuerySpec<>(template, this, Objects.requireNonNull(type, "type"));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public QuerySpec<Map<String, @Nullable Object>> queryProperties(Class<?> type, List<String> properties) {
        return new DefaultQuerySpec<>(template, this, (Class) Map.class, template.projection(type, properties));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public QuerySpec<Map<String, @Nullable Object>> query() {
        return (QuerySpec<Map<String, @Nullable Object>>) (QuerySpec) query(Map.class);
    }

    @Override
    public void execute() {
        OperationObserver.Operation op = template.observer().start("execute", sql, null);
        OperationObserver.Scope scope = op.openScope();
        try {
            newQuery().execute();
        } catch (RuntimeException e) {
            RuntimeException translated = template.translate(e);
            op.error(translated);
            throw translated;
        } finally {
            scope.close();
            op.stop();
        }
    }

    /** The statement as the application wrote it. */
    String sql() {
        return sql;
    }

    /**
     * The client query over the parsed SQL with every client-side value bound; {@code ?fields} is left to the
     * client, which fills it from the row type it reads. Named values whose names only appear as server-side
     * {@code {name:Type}} placeholders are sent as query parameters.
     */
    Query newQuery() {
        SqlTemplate parsed = parsed();
        Map<String, Object> clientSide = new LinkedHashMap<>();
        Map<String, Object> serverSide = new LinkedHashMap<>();
        named.forEach((name, value) -> {
            if (parsed.serverParameterNames().contains(name) && !parsed.namedParameterNames().contains(name)) {
                serverSide.put(name, value);
            } else {
                clientSide.put(name, value);
            }
        });
        ClickHouseClient client = template.getClient();
        if (!serverSide.isEmpty() && !client.capabilities().supportsQueryParameters()) {
            throw oldServer(serverSide, client);
        }
        // Always bind, even nothing: the client then renders the SQL, so a ?fields with no row type or a ? without
        // a value fails before anything is sent rather than reaching the server as text.
        Query query = client.query(parsed);
        // settings first: a session_timezone among them is the zone a bound LocalDateTime may need
        settings.forEach(query::setting);
        if (parsed.namedParameterNames().isEmpty()) {
            query.bind(positional.toArray());
        } else {
            query.bindNamed(clientSide).bind();
        }
        serverSide.forEach(query::param);
        if (queryId != null) {
            query.queryId(queryId);
        }
        return query;
    }

    /**
     * This statement's run of the template's prepared query for ({@code sql}, {@code type}, {@code rowType}): values,
     * server-side parameters, settings and query id as {@link #newQuery()} binds them, without lexing the SQL again
     * or building another row reader.
     */
    <T> BoundQuery<T> bound(Class<T> type, @Nullable RowType<T> rowType) {
        PreparedQuery<T> prepared = template.prepared(sql, type, rowType);
        List<String> names = prepared.parameterNames();
        ClickHouseClient client = template.getClient();
        Map<String, Object> serverSide = serverSide(prepared.serverParameterNames(), names);
        if (!serverSide.isEmpty() && !client.capabilities().supportsQueryParameters()) {
            throw oldServer(serverSide, client);
        }
        BoundQuery<T> bound = prepared.run();
        // Always bind positional values, even none: the query is then rendered, so a ? without a value fails before
        // anything is sent rather than reaching the server as text.
        bound.bind(positional.toArray());
        named.forEach((name, value) -> {
            if (names.contains(name)) {
                bound.bind(name, value);
            }
        });
        serverSide.forEach(bound::param);
        settings.forEach(bound::setting);
        if (queryId != null) {
            bound.queryId(queryId);
        }
        return bound;
    }

    private Map<String, Object> serverSide(Set<String> serverNames, List<String> clientNames) {
        Map<String, Object> serverSide = new LinkedHashMap<>();
        named.forEach((name, value) -> {
            if (serverNames.contains(name) && !clientNames.contains(name)) {
                serverSide.put(name, value);
            }
        });
        return serverSide;
    }

    private static InvalidDataAccessApiUsageException oldServer(Map<String, Object> serverSide,
            ClickHouseClient client) {
        // Checked here, before the client's DESCRIBE round trip on old servers would fail on the {name:Type} text with
        // a plain syntax error.
        return new InvalidDataAccessApiUsageException("Server-side parameters " + serverSide.keySet()
                + " ({name:Type}) need ClickHouse 19.11 or newer, the server runs " + client.serverVersion()
                + "; write :name to bind them client-side");
    }

    /** The SQL lexed once per statement, however many times it is asked for. */
    private SqlTemplate parsed() {
        if (parsed == null) {
            parsed = SqlTemplate.parse(sql);
        }
        return parsed;
    }
}
