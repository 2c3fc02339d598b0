package io.chspring.data.core;

import io.chspring.client.mapping.RowType;
import io.chspring.client.query.RowCursor;
import io.chspring.data.core.ClickHouseOperations.QuerySpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;

/** Reads the rows of a statement as mapped objects, single values or maps, translating every error. */
final class DefaultQuerySpec<T> implements QuerySpec<T> {

    private final ClickHouseTemplate template;
    private final DefaultStatementSpec statement;
    private final Class<T> type;
    private final @Nullable RowType<T> projection;
    private @Nullable EntityCallbackInvoker callbacks;
    private String table = "";

    DefaultQuerySpec(ClickHouseTemplate template, DefaultStatementSpec statement, Class<T> type) {
        this(template, statement, type, null);
    }

    /** Rows read with {@code projection} rather than the row type of {@code type}. */
    DefaultQuerySpec(ClickHouseTemplate template, DefaultStatementSpec statement, Class<T> type,
            @Nullable RowType<T> projection) {
        this.template = template;
        this.statement = statement;
        this.type = type;
        this.projection = projection;
    }

    @Override
    public List<T> list() {
        return observed(op -> {
            try (RowCursor<T> cursor = open()) {
                List<T> rows = new ArrayList<>();
                while (cursor.hasNext()) {
                    rows.add(next(cursor));
                }
                op.rows(rows.size());
                return rows;
            } catch (RuntimeException e) {
                throw template.translate(e);
            }
        });
    }

    /** {@code work} as one observed query: its error reported (translated), the observation stopped after it. */
    private <R> R observed(Function<OperationObserver.Operation, R> work) {
        OperationObserver.Operation op = template.observer().start("query", statement.sql(), null);
        OperationObserver.Scope scope = op.openScope();
        try {
            return work.apply(op);
        } catch (RuntimeException e) {
            op.error(e);
            throw e;
        } finally {
            scope.close();
            op.stop();
        }
    }

    @Override
    public Optional<T> optional() {
        return observed(op -> optional(op));
    }

    private Optional<T> optional(OperationObserver.Operation op) {
        try (RowCursor<T> cursor = open()) {
            if (!cursor.hasNext()) {
                return Optional.empty();
            }
            T row = next(cursor);
            if (cursor.hasNext()) {
                throw new IncorrectResultSizeDataAccessException("Query " + cursor.queryId()
                        + " returned more than one row where at most one was expected", 1);
            }
            op.rows(1);
            return Optional.ofNullable(row);
        } catch (RuntimeException e) {
            throw template.translate(e);
        }
    }

    @Override
    public @Nullable T single() {
        return observed(op -> single(op));
    }

    private @Nullable T single(OperationObserver.Operation op) {
        try (RowCursor<T> cursor = open()) {
            if (!cursor.hasNext()) {
                throw new EmptyResultDataAccessException("Query " + cursor.queryId()
                        + " returned no row where one was expected", 1);
            }
            T row = next(cursor);
            if (cursor.hasNext()) {
                throw new IncorrectResultSizeDataAccessException("Query " + cursor.queryId()
                        + " returned more than one row where one was expected", 1);
            }
            op.rows(1);
            return row;
        } catch (RuntimeException e) {
            throw template.translate(e);
        }
    }

    @Override
    public Stream<T> stream() {
        // observed from the request to the close of the stream, which the caller does (try-with-resources)
        OperationObserver.Operation op = template.observer().start("query", statement.sql(), null);
        AtomicBoolean stopped = new AtomicBoolean();
        long[] count = new long[1];
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                op.rows(count[0]);
                op.stop();
            }
        };
        RowCursor<T> cursor;
        // current only while the request is sent: the stream is read (and closed) wherever the caller wants
        OperationObserver.Scope scope = op.openScope();
        try {
            cursor = open();
        } catch (RuntimeException e) {
            RuntimeException translated = template.translate(e);
            op.error(translated);
            scope.close();
            stop.run();
            throw translated;
        }
        scope.close();
        Iterator<T> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return cursor.hasNext();
                } catch (RuntimeException e) {
                    cursor.close();
                    throw failed(template.translate(e));
                }
            }

            @Override
            public T next() {
                try {
                    T row = DefaultQuerySpec.this.next(cursor);
                    count[0]++;
                    return row;
                } catch (RuntimeException e) {
                    cursor.close();
                    throw failed(template.translate(e));
                }
            }

            private RuntimeException failed(RuntimeException e) {
                op.error(e);
                return e;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try {
                        cursor.close();
                    } finally {
                        stop.run();
                    }
                });
    }

    /** The rows, through the template's prepared query for this SQL and type (lexed and its reader built once). */
    private RowCursor<T> open() {
        if (projection != null) {
            return statement.bound(type, projection).fetch();
        }
        if (!EntityRowTypes.isRowClass(type)) {
            // ?fields with a value type is refused by the client when it prepares the query, as API misuse
            return statement.bound(type, null).fetch();
        }
        RowType<T> rowType = template.rowType(type);
        EntityCallbackInvoker callbacks = template.callbacks();
        if (callbacks.any(EntityCallbackInvoker.Kind.AFTER_CONVERT, type)) {
            this.callbacks = callbacks;
            this.table = template.getTableName(type);
        }
        return statement.bound(type, rowType).fetch();
    }

    /** The next row, through the AfterConvert callbacks when any apply. */
    private T next(RowCursor<T> cursor) {
        T row = cursor.next();
        EntityCallbackInvoker after = callbacks;
        return after == null || row == null ? row : after.afterConvert(row, table);
    }
}
