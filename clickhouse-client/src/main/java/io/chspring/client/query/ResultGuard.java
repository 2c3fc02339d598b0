package io.chspring.client.query;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.request.ResultShapes;
import io.chspring.client.sql.Identifier;
import io.chspring.client.sql.SqlLiterals;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The older of the two checks of cached columns (see {@link NativeCheck} for the other, which costs the server nothing
 * and is used whenever it can be): lets a typed read on a server without a RowBinary header (before 19.3) use the
 * columns of an earlier run of the same query instead of asking {@code DESCRIBE (...)} first, in one round trip and
 * without trusting them blindly. It remains for results the Native check cannot take (a type without a transcoder
 * such as Map, a DateTime with a time zone, a Native header that differed from DESCRIBE, a large result); 18.16
 * refuses it for LowCardinality columns, which the Native check takes. The query is sent as
 *
 * <pre>{@code
 * SELECT `a`, `b` FROM (
 * <query>
 * ) WHERE NOT throwIf(toTypeName(tuple(*)) != 'Tuple(A, B)' OR toTypeName(tuple(`a`, `b`)) != 'Tuple(A, B)')
 * }</pre>
 *
 * The outer select list fixes the names and their order to the cached ones; {@code tuple(*)} has the server check
 * that the query still has exactly that many columns of those types in that order, {@code tuple(`a`, `b`)} that each
 * name still has its type. The condition is a constant, so 18.16 evaluates it while planning the query, before any
 * row (also for an empty result); the subquery still costs 18.16 1.3-1.6x a small query's time (issue 17). A table
 * altered since
 * the columns were cached fails the request with code 395 (a type changed, a column was added), or 47 (a name is
 * gone): the read then drops the entry and asks DESCRIBE as before. No row decoded with a stale type can reach the
 * caller: the check fails before the first byte of data is written.
 */
final class ResultGuard {

    /**
     * Server errors a changed result can cause in the guarded query: {@code throwIf} (395), a cached name that is gone
     * (47 UNKNOWN_IDENTIFIER, 8, 10, 16), a name now ambiguous (352, 179). Any other error is the query's own.
     */
    private static final Set<Integer> SHAPE_CHANGED = Set.of(8, 10, 16, 47, 179, 352, 395);

    private ResultGuard() {
    }

    /** Whether the columns can be checked this way: at least one, no name twice (the outer select names them). */
    static boolean guardable(ResultShapes.Shape shape) {
        if (shape.typeNames() == null) {
            return false;
        }
        List<String> names = shape.columns().stream().map(c -> c.name()).toList();
        return !names.isEmpty() && new HashSet<>(names).size() == names.size()
                && names.stream().noneMatch(n -> n.isEmpty() || n.indexOf('\0') >= 0);
    }

    /** {@code sql} (one statement, without a FORMAT clause) wrapped in the check of {@code shape}. */
    static String wrap(String sql, ResultShapes.Shape shape) {
        List<String> typeNames = java.util.Objects.requireNonNull(shape.typeNames(), "typeNames");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < shape.columns().size(); i++) {
            if (i > 0) {
                names.append(", ");
            }
            names.append(Identifier.of(shape.columns().get(i).name()).toSql());
        }
        StringBuilder expected = new StringBuilder();
        SqlLiterals.appendLiteral(expected, "Tuple(" + String.join(", ", typeNames) + ")");
        // the newline ends a trailing -- comment before the closing parenthesis
        return "SELECT " + names + " FROM (\n" + sql + "\n) WHERE NOT throwIf(toTypeName(tuple(*)) != " + expected
                + " OR toTypeName(tuple(" + names + ")) != " + expected + ")";
    }

    /** Whether {@code e}, the guarded query's failure, may mean the result's columns changed. */
    static boolean shapeChanged(ClickHouseException e) {
        return e instanceof ClickHouseServerException && SHAPE_CHANGED.contains(e.errorCode());
    }
}
