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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** Reads the rows of a statement as mapped objects, single values or maps, translating every error. */
final class DefaultQuerySpec<T> implements QuerySpec<T> {

    private final ClickHouseTemplate template;
    private final DefaultStatementSpec statement;
    private final Class<T> type;

    DefaultQuerySpec(ClickHouseTemplate template, DefaultStatementSpec statement, Class<T> type) {
        this.template = template;
        this.statement = statement;
        this.type = type;
    }

    @Override
    public List<T> list() {
        try (RowCursor<T> cursor = open()) {
            List<T> rows = new ArrayList<>();
            while (cursor.hasNext()) {
                rows.add(cursor.next());
            }
            return rows;
        } catch (RuntimeException e) {
            throw template.translate(e);
        }
    }

    @Override
    public Optional<T> optional() {
        try (RowCursor<T> cursor = open()) {
            if (!cursor.hasNext()) {
                return Optional.empty();
            }
            T row = cursor.next();
            if (cursor.hasNext()) {
                throw new IncorrectResultSizeDataAccessException("Query " + cursor.queryId()
                        + " returned more than one row where at most one was expected", 1);
            }
            return Optional.ofNullable(row);
        } catch (RuntimeException e) {
            throw template.translate(e);
        }
    }

    @Override
    public @Nullable T single() {
        try (RowCursor<T> cursor = open()) {
            if (!cursor.hasNext()) {
                throw new EmptyResultDataAccessException("Query " + cursor.queryId()
                        + " returned no row where one was expected", 1);
            }
            T row = cursor.next();
            if (cursor.hasNext()) {
                throw new IncorrectResultSizeDataAccessException("Query " + cursor.queryId()
                        + " returned more than one row where one was expected", 1);
            }
            return row;
        } catch (RuntimeException e) {
            throw template.translate(e);
        }
    }

    @Override
    public Stream<T> stream() {
        RowCursor<T> cursor;
        try {
            cursor = open();
        } catch (RuntimeException e) {
            throw template.translate(e);
        }
        Iterator<T> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return cursor.hasNext();
                } catch (RuntimeException e) {
                    cursor.close();
                    throw template.translate(e);
                }
            }

            @Override
            public T next() {
                try {
                    return cursor.next();
                } catch (RuntimeException e) {
                    cursor.close();
                    throw template.translate(e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                .onClose(cursor::close);
    }

    private RowCursor<T> open() {
        if (!EntityRowTypes.isRowClass(type)) {
            if (statement.hasFields()) {
                throw new InvalidDataAccessApiUsageException("?fields needs a mapped row class, not " + type.getName());
            }
            return statement.newQuery().fetch(type);
        }
        RowType<T> rowType = template.rowType(type);
        return statement.newQuery().fetch(rowType);
    }
}
