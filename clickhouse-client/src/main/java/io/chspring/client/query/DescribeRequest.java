package io.chspring.client.query;

import io.chspring.client.mapping.TableColumn;
import io.chspring.client.request.ResultShapes;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Asks the server for a query's result columns without reading its result, where no header brings them: a typed read
 * on a server without RowBinaryWithNamesAndTypes (before 19.3, {@link HeaderlessTypedRead}), and
 * {@code BlockCursor.columns()} of a result without a block. {@code DESCRIBE (<query>)} is answered without running
 * the query (checked on 18.16.1); SHOW, EXISTS and DESCRIBE statements, which DESCRIBE cannot wrap, are run once more
 * for their {@code TabSeparatedWithNamesAndTypes} header instead. The request carries the query's server-side
 * parameters and external tables, and runs under {@code <query id>:describe} when the caller chose a query id
 * ({@code Query.describing}). A class of its own because both reads need it and neither owns it.
 */
final class DescribeRequest {

    /** Read-only statements that {@code DESCRIBE (...)} cannot wrap; their columns come from a header instead. */
    private static final Pattern NOT_DESCRIBABLE = Pattern.compile("(?is)(SHOW|EXISTS|DESCRIBE|DESC)\\b.*");

    private DescribeRequest() {
    }

    /**
     * The columns of {@code query}'s result, with {@code fields} in place of a {@code ?fields} placeholder, with the
     * server's type texts; type texts {@code null} for SHOW and alike.
     */
    static ResultShapes.Shape shape(Query query, @Nullable String fields) {
        String sql = trimmed(query.sql(fields));
        boolean describable = !NOT_DESCRIBABLE.matcher(sql).matches();
        // the newline ends a trailing -- comment before the closing parenthesis; DESCRIBE needs the external tables'
        // columns only, while a SHOW or EXISTS runs twice, so it gets the rows too
        Query describe = query.describing(describable ? "DESCRIBE (" + sql + "\n)" : sql, !describable);
        if (!describable) {
            // Run once for its header, then again for the rows: cheap for these statements, and they change nothing.
            return new ResultShapes.Shape(describe.fetchHeaderColumns(), null);
        }
        String tsv = describe.fetchString("TabSeparated");
        return new ResultShapes.Shape(TableColumn.parseDescribe(tsv).stream().map(TableColumn::column).toList(),
                TableColumn.describeTypeNames(tsv));
    }

    /** The SQL without trailing semicolons and blanks, for wrapping in a subquery. */
    static String trimmed(String sql) {
        String query = sql.strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        return query;
    }
}
