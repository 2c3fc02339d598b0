package io.chspring.data.core;

import io.chspring.client.query.Query;
import io.chspring.client.sql.SqlTemplate;
import io.chspring.data.core.ClickHouseOperations.QuerySpec;
import io.chspring.data.core.ClickHouseOperations.StatementSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A statement being configured; renders its placeholders client-side when it is sent. */
final class DefaultStatementSpec implements StatementSpec {

    private final ClickHouseTemplate template;
    private final String sql;
    private final List<Object> positional = new ArrayList<>();
    private final Map<String, Object> named = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private String queryId;

    DefaultStatementSpec(ClickHouseTemplate template, String sql) {
        this.template = template;
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    @Override
    public StatementSpec param(String name, Object value) {
        named.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    @Override
    public StatementSpec params(Map<String, ?> values) {
        named.putAll(values);
        return this;
    }

    @Override
    public StatementSpec param(Object value) {
        positional.add(value);
        return this;
    }

    @Override
    public StatementSpec params(List<?> values) {
        positional.addAll(values);
        return this;
    }

    @Override
    public StatementSpec setting(String name, Object value) {
        settings.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    @Override
    public StatementSpec queryId(String id) {
        this.queryId = id;
        return this;
    }

    @Override
    public <T> QuerySpec<T> query(Class<T> type) {
        return new DefaultQuerySpec<>(template, this, Objects.requireNonNull(type, "type"));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public QuerySpec<Map<String, Object>> query() {
        return (QuerySpec<Map<String, Object>>) (QuerySpec) query(Map.class);
    }

    @Override
    public void execute() {
        try {
            newQuery(null).execute();
        } catch (RuntimeException e) {
            throw template.translate(e);
        }
    }

    /** Whether the SQL has a {@code ?fields} placeholder. */
    boolean hasFields() {
        return SqlTemplate.parse(sql).hasFields();
    }

    /**
     * The client query with every client-side placeholder rendered ({@code fields} for {@code ?fields}) and named
     * values whose names only appear as server-side {@code {name:Type}} placeholders sent as query parameters.
     */
    Query newQuery(String fields) {
        SqlTemplate parsed = SqlTemplate.parse(sql);
        Map<String, Object> clientSide = new LinkedHashMap<>();
        Map<String, Object> serverSide = new LinkedHashMap<>();
        named.forEach((name, value) -> {
            if (parsed.serverParameterNames().contains(name) && !parsed.namedParameterNames().contains(name)) {
                serverSide.put(name, value);
            } else {
                clientSide.put(name, value);
            }
        });
        if (!serverSide.isEmpty() && !template.getClient().capabilities().supportsQueryParameters()) {
            // Checked here, before the client's DESCRIBE round trip on old servers would fail on the {name:Type}
            // text with a plain syntax error.
            throw new InvalidDataAccessApiUsageException("Server-side parameters " + serverSide.keySet()
                    + " ({name:Type}) need ClickHouse 19.11 or newer, the server runs "
                    + template.getClient().serverVersion() + "; write :name to bind them client-side");
        }
        Query query = template.getClient().query(SqlRenderer.render(parsed, positional, clientSide, fields));
        serverSide.forEach(query::param);
        settings.forEach(query::setting);
        if (queryId != null) {
            query.queryId(queryId);
        }
        return query;
    }
}
