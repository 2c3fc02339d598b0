package io.chspring.data.core;

import io.chspring.client.insert.Insert;
import io.chspring.data.core.ClickHouseOperations.InsertSpec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Inserts entities with the client's streaming RowBinary insert, one request per call. */
final class DefaultInsertSpec<T> implements InsertSpec<T> {

    private final ClickHouseTemplate template;
    private final Class<T> type;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private @Nullable String queryId;

    DefaultInsertSpec(ClickHouseTemplate template, Class<T> type) {
        this.template = template;
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public InsertSpec<T> setting(String name, Object value) {
        settings.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    @Override
    public InsertSpec<T> queryId(@Nullable String queryId) {
        this.queryId = queryId;
        return this;
    }

    @Override
    public void all(Iterable<? extends T> entities) {
        Iterator<? extends T> rows = entities.iterator();
        if (rows.hasNext()) {
            send(rows);
        }
    }

    @Override
    public void all(Stream<? extends T> entities) {
        try (entities) {
            Iterator<? extends T> rows = entities.iterator();
            if (rows.hasNext()) {
                send(rows);
            }
        }
    }

    private void send(Iterator<? extends T> rows) {
        String table = template.getTableName(type);
        // close() without end() aborts the request mid-body, so a failure leaves no partial insert behind
        try (Insert<T> insert = template.getClient().insert(table, template.rowType(type), template.getWriteOptions())) {
            settings.forEach(insert::setting);
            if (queryId != null) {
                insert.queryId(queryId);
            }
            while (rows.hasNext()) {
                T row = rows.next();
                if (row == null) {
                    throw new IllegalArgumentException("Cannot insert a null " + type.getSimpleName() + " into "
                            + table + " (row " + (insert.rowCount() + 1) + ")");
                }
                insert.write(row);
            }
            insert.end();
        } catch (RuntimeException e) {
            throw template.translate(e);
        }
    }
}
