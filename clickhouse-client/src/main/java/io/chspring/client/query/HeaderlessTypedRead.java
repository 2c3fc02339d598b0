package io.chspring.client.query;

import io.chspring.client.ClickHouseException;
import io.chspring.client.block.NativeRowBinaryStream;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.request.ResultShapes;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.type.ClickHouseColumn;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One typed read on a server whose RowBinary carries no header (RowBinaryWithNamesAndTypes came in 19.3; 18.16 lacks
 * it): the row reader needs the result's columns before the first byte, so they are learned first or, when an earlier
 * run of the same query learned them, checked on the way. Named for what the server lacks rather than for a version,
 * because that capability is what sends a read here. Apart from {@link Query}, which builds and sends the request on
 * every server, because this is one decision of its own: which request carries the read, and what the client's
 * {@link ResultShapes} learn from it. {@code Query} keeps the copying of itself into the other requests this read
 * sends ({@code sibling}, {@code describing}): that reads its own fields and options.
 *
 * <p>The first run learns the columns from {@code DESCRIBE (<query>)} ({@link DescribeRequest}), which the server
 * answers without running the query (checked on 18.16.1), and reads plain RowBinary. The columns DESCRIBE gave are
 * kept per query text: the next run of the same query asks for Native and checks the first block's header against
 * them before decoding a row ({@link NativeCheck}: free for the server), or, for results that check cannot take,
 * sends them along for the server to check ({@link ResultGuard}), instead of asking DESCRIBE again, so a repeated
 * query costs one round trip. A check runs as a request of its own, so that the caller's stays unsent for the
 * fallback; a changed result drops the cached columns and the read asks DESCRIBE as on a first run.
 */
final class HeaderlessTypedRead<T> {

    /** The setting that makes a request cancel a running query of the same id instead of failing (code 216). */
    static final String REPLACE_RUNNING_QUERY = "replace_running_query";

    private final Query query;
    private final @Nullable String fields;
    private final ResultShapes shapes;
    private final String key;
    private final BiFunction<List<ClickHouseColumn>, MappingOptions, Function<RowBinaryInput, T>> readers;
    private final MappingOptions options;
    /**
     * Whether this read closed a response unread under the caller's query id. The server may still be running that
     * query (it notices the closed connection only when it next writes), and a second request under a running query's
     * id fails with code 216; so the requests that follow under that id replace it ({@code replace_running_query},
     * which 18.16 honours at once: checked with curl against a 2 s {@code sleep}).
     */
    private boolean droppedUnderChosenId;

    /**
     * A read of {@code query}'s result, with {@code fields} in place of a {@code ?fields} placeholder ({@code null}
     * when there is none), the row reader for the result's columns from {@code readers} and the mapping options
     * (the client's time zones filled in already).
     */
    HeaderlessTypedRead(Query query, @Nullable String fields, ResultShapes shapes,
            BiFunction<List<ClickHouseColumn>, MappingOptions, Function<RowBinaryInput, T>> readers,
            MappingOptions options) {
        this.query = query;
        this.fields = fields;
        this.shapes = shapes;
        this.key = query.shapeKey(fields);
        this.readers = readers;
        this.options = options;
    }

    /** Runs the read: checked against the cached columns where it can be, else after asking DESCRIBE. */
    RowCursor<T> fetch() {
        ResultShapes.Shape known = shapes.get(key);
        // a one-shot external stream can be sent once only, and a check may have to send the query again
        boolean checked = known != null && known.typeNames() != null && query.externalRepeatable();
        boolean byHeader = checked && NativeCheck.applies(known);
        List<ClickHouseColumn> columns = null;
        QueryResponse response = null;
        if (byHeader) {
            RowCursor<T> cursor = fetchChecked(known);
            if (cursor != null) {
                return cursor;
            }
        } else if (checked) {
            response = openGuarded(known);
            columns = response == null ? null : known.columns();
        }
        if (response == null) {
            ResultShapes.Shape shape = DescribeRequest.shape(query, fields);
            columns = shape.columns();
            if (byHeader && shape.sameColumns(known)) {
                // The header differed although DESCRIBE gives the same columns: the server prints some type in
                // another form there. Check this query with the wrapper from now on.
                shapes.put(key, shape.withoutHeaderCheck());
            } else if (checked && shape.sameColumns(known)) {
                // The server refused the check although DESCRIBE gives the same columns: the check itself does
                // not work for this query. Remember that (columns without type texts), so later runs ask DESCRIBE
                // as before instead of paying a refused check each time.
                shapes.put(key, new ResultShapes.Shape(shape.columns(), null));
            } else if ((known == null || checked) && ResultGuard.guardable(shape)) {
                shapes.put(key, shape);
            }
            response = droppedUnderChosenId
                    ? query.sibling(query.sql(fields)).setting(REPLACE_RUNNING_QUERY, 1).open("RowBinary", null)
                    : query.open("RowBinary", fields);
        }
        return cursor(response, response, columns);
    }

    /**
     * Sends the query with the server-side check of {@code known} (a request of its own, so the caller's stays unsent
     * for the fallback); {@code null} when the server says the columns changed, after dropping them from the cache.
     */
    private @Nullable QueryResponse openGuarded(ResultShapes.Shape known) {
        try {
            return replacing(query.sibling(ResultGuard.wrap(DescribeRequest.trimmed(query.sql(fields)), known)))
                    .open("RowBinary", null);
        } catch (ClickHouseException e) {
            if (!ResultGuard.shapeChanged(e)) {
                throw e;
            }
            shapes.remove(key, known);
            return null;
        }
    }

    /**
     * Sends the query as written, in Native, and reads its rows with the columns of {@code known} when the first
     * block's header has exactly those ({@link NativeCheck}); {@code null} when it does not, after closing the response
     * unread and dropping the columns from the cache. A first block of more rows than
     * {@link NativeCheck#LARGE_BLOCK_ROWS} is dropped unread too, and this run and the later ones take the wrapper.
     */
    private @Nullable RowCursor<T> fetchChecked(ResultShapes.Shape known) {
        QueryResponse response = query.sibling(query.sql(fields)).open("Native", null);
        NativeRowBinaryStream rows;
        boolean matches;
        try {
            rows = NativeCheck.rows(response, known, () -> shapes.replace(key, known, known.withoutHeaderCheck()));
            matches = rows.firstBlockMatches();
        } catch (RuntimeException e) {
            response.close();
            // an error the server appended to the first block is the query's own, as a cursor would report it
            throw e instanceof ClickHouseException c ? RowCursor.serverErrorOr(c) : e;
        }
        if (matches) {
            return cursor(response, rows, known.columns());
        }
        response.close();
        droppedUnderChosenId = query.choseQueryId();
        if (!rows.firstBlockTooLarge()) {
            shapes.remove(key, known);
            return null;
        }
        // too large a block to hold: the wrapper checks this run and the later ones
        ResultShapes.Shape wrapped = known.withoutHeaderCheck();
        shapes.replace(key, known, wrapped);
        QueryResponse guarded = openGuarded(wrapped);
        return guarded == null ? null : cursor(guarded, guarded, known.columns());
    }

    /** {@code request}, replacing a query still running under its id when this read dropped one. */
    private Query replacing(Query request) {
        return droppedUnderChosenId ? request.setting(REPLACE_RUNNING_QUERY, 1) : request;
    }

    /** A cursor over {@code response}'s rows, read as RowBinary from {@code rows}; closes the response on failure. */
    private RowCursor<T> cursor(QueryResponse response, InputStream rows, List<ClickHouseColumn> columns) {
        try {
            return new RowCursor<>(response, new RowBinaryInput(rows, 64 * 1024), columns,
                    readers.apply(columns, options));
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
    }
}
