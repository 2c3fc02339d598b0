package io.chspring.test.mock;

import java.util.List;

/**
 * What a {@link Handlers#record(Class) record} handler received: the INSERT statement and the inserted rows, decoded
 * back into objects of the row class. Accessors throw {@link AssertionError} while no request has reached the handler.
 *
 * @param <T> the row class
 */
public final class RecordHandle<T> extends RequestHandle {

    private volatile List<T> rows;
    private volatile List<String> columns;

    RecordHandle(String handler) {
        super(handler);
    }

    final void recorded(Exchange exchange, byte[] body, List<String> insertColumns, List<T> decoded) {
        this.columns = List.copyOf(insertColumns);
        this.rows = List.copyOf(decoded);
        served(exchange, body);
    }

    /** The inserted rows, in the order they were sent. */
    public List<T> rows() {
        query(); // fails when not served yet
        return rows;
    }

    /** The columns of the INSERT, in order (the table's insertable columns when the statement named none). */
    public List<String> columns() {
        query();
        return columns;
    }
}
