package io.chspring.data.core;

import io.chspring.client.insert.Insert;
import io.chspring.data.core.ClickHouseOperations.InsertSpec;
import java.util.Iterator;
import java.util.List;
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
        all(entities, null);
    }

    /** Inserts the entities, adding each to {@code inserted} as it was written (after the callbacks). */
    void all(Iterable<? extends T> entities, @Nullable List<T> inserted) {
        Iterator<? extends T> rows = entities.iterator();
        if (rows.hasNext()) {
            send(rows, inserted);
        }
    }

    @Override
    public void all(Stream<? extends T> entities) {
        try (entities) {
            Iterator<? extends T> rows = entities.iterator();
            if (rows.hasNext()) {
                send(rows, null);
            }
        }
    }

    private void send(Iterator<? extends T> rows, @Nullable List<T> inserted) {
        String table = template.getTableName(type);
        EntityCallbackInvoker callbacks = template.callbacks();
        OperationObserver.Operation op = template.observer().start("insert", null, table);
        OperationObserver.Scope scope = op.openScope();
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
                if (callbacks.any(EntityCallbackInvoker.Kind.BEFORE_CONVERT, row.getClass())
                        || callbacks.any(EntityCallbackInvoker.Kind.BEFORE_SAVE, row.getClass())) {
                    row = callbacks.beforeInsert(row, table);
                }
                insert.write(row);
                if (inserted != null) {
                    inserted.add(row);
                }
            }
            insert.end();
            op.rows(insert.rowCount());
        } catch (RuntimeException e) {
            RuntimeException translated = template.translate(e);
            op.error(translated);
            throw translated;
        } finally {
            scope.close();
            op.stop();
        }
    }
}
