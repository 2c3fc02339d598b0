package io.chspring.client.query;

import io.chspring.client.ClickHouseException;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.type.ClickHouseColumn;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a query, read one at a time from the response stream as they arrive: memory stays constant whatever
 * the result size. Close it (try-with-resources) to release the connection; rows not read are discarded. Iterable
 * once; not thread-safe.
 *
 * @param <T> the row type
 */
public final class RowCursor<T> implements Iterable<T>, AutoCloseable {

    private final QueryResponse response;
    private final RowBinaryInput in;
    private final List<ClickHouseColumn> columns;
    private final Function<RowBinaryInput, T> reader;
    private boolean iterated;
    private boolean closed;

    RowCursor(QueryResponse response, RowBinaryInput in, List<ClickHouseColumn> columns,
            Function<RowBinaryInput, T> reader) {
        this.response = response;
        this.in = in;
        this.columns = columns;
        this.reader = reader;
    }

    /**
     * The result's columns in order (names and ClickHouse types), known as soon as the cursor is open, before the
     * first row is read and also when there is none: read from the RowBinaryWithNamesAndTypes header on servers that
     * have it (19.3+), and on older ones (18.16) from the {@code DESCRIBE (query)} asked before the query's first run
     * (later runs check them against the result's Native header, or have the server check them), or the
     * TabSeparatedWithNamesAndTypes header of a SHOW, EXISTS or DESCRIBE statement.
     */
    public List<ClickHouseColumn> columns() {
        return columns;
    }

    /** The query id. */
    public String queryId() {
        return response.queryId();
    }

    /** Whether another row follows; an error the server appended after rows is thrown here. */
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        try {
            return in.hasMore();
        } catch (ClickHouseException e) {
            throw serverErrorOr(e);
        }
    }

    /** The next row. */
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows in the result of query " + response.queryId());
        }
        try {
            return reader.apply(in);
        } catch (ClickHouseException e) {
            throw serverErrorOr(e);
        }
    }

    /** The remaining rows, once. */
    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("A RowCursor can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return RowCursor.this.hasNext();
            }

            @Override
            public T next() {
                return RowCursor.this.next();
            }
        };
    }

    /** The remaining rows as a sequential stream; closing the stream closes the cursor. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            response.close();
        }
    }

    /**
     * A read failure whose cause is the server's error (appended after rows, found by the transport) is reported as
     * that error, not as a transport failure around it.
     */
    static ClickHouseException serverErrorOr(ClickHouseException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ClickHouseException server) {
                return server;
            }
        }
        return e;
    }
}
