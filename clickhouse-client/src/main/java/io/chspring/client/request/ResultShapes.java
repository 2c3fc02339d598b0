package io.chspring.client.request;

import io.chspring.client.type.ClickHouseColumn;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The columns of earlier typed reads, by query, for servers whose RowBinary carries no header (before 19.3): there a
 * typed read needs the result's columns before it can decode a byte, and asking for them ({@code DESCRIBE (...)})
 * costs a round trip per read. An entry is only a claim: a read that uses one checks it against the result's Native
 * header before decoding a row, or has the server check it in the same request, so a stale entry (a table altered
 * since) costs one retry, never a wrong decode (see the query package's NativeCheck and ResultGuard).
 * Shared by a root client and its derived copies; bounded by {@link #MAX_ENTRIES} (emptied when full, so queries
 * whose text changes with every call cannot grow it).
 *
 * <p>Internal: public only because the requests that use it live in their own packages.
 */
public final class ResultShapes {

    /** The most entries kept; reaching it empties the cache. */
    public static final int MAX_ENTRIES = 1024;

    private final ConcurrentMap<String, Shape> shapes = new ConcurrentHashMap<>();

    ResultShapes() {
    }

    /** The shape stored under {@code key}, or {@code null}. */
    public @Nullable Shape get(String key) {
        return shapes.get(key);
    }

    /** Stores {@code shape} under {@code key}. */
    public void put(String key, Shape shape) {
        Objects.requireNonNull(shape, "shape");
        if (shapes.size() >= MAX_ENTRIES && !shapes.containsKey(key)) {
            shapes.clear();
        }
        shapes.put(key, shape);
    }

    /** Removes {@code key} if it still holds {@code shape} (another thread may have stored a newer one). */
    public void remove(String key, Shape shape) {
        shapes.remove(key, shape);
    }

    /** Replaces {@code shape} under {@code key} with {@code replacement} if it is still there. */
    public void replace(String key, Shape shape, Shape replacement) {
        shapes.replace(key, shape, replacement);
    }

    /** The number of entries; for tests. */
    public int size() {
        return shapes.size();
    }

    /**
     * The columns of a result and the server's own text of each column's type (as {@code DESCRIBE} and
     * {@code toTypeName} print it, which the checks compare with).
     *
     * @param columns the columns, parsed
     * @param typeNames the type of each column as the server wrote it, in the same order; {@code null} when only
     *     the parsed columns are known (a SHOW statement's header), or stored to say that the server refused the
     *     check for a query whose columns had not changed: such a shape is never sent for checking
     * @param headerCheckable whether a run may check the columns against a Native header; {@code false} once a header
     *     differed from DESCRIBE's text while the columns had not changed (the server prints some type there in
     *     another form), so later runs check them with the wrapper instead
     */
    public record Shape(List<ClickHouseColumn> columns, @Nullable List<String> typeNames, boolean headerCheckable) {

        /** Copies the lists; they must be of the same length. */
        public Shape {
            columns = List.copyOf(columns);
            typeNames = typeNames == null ? null : List.copyOf(typeNames);
            if (typeNames != null && columns.size() != typeNames.size()) {
                throw new IllegalArgumentException(columns.size() + " columns but " + typeNames.size() + " type names");
            }
        }

        /** A shape whose columns may be checked either way. */
        public Shape(List<ClickHouseColumn> columns, @Nullable List<String> typeNames) {
            this(columns, typeNames, true);
        }

        /** Whether {@code other} has the same columns and type texts (whatever the way of checking them). */
        public boolean sameColumns(Shape other) {
            return columns.equals(other.columns) && java.util.Objects.equals(typeNames, other.typeNames);
        }

        /** This shape, to be checked with the wrapper only. */
        public Shape withoutHeaderCheck() {
            return new Shape(columns, typeNames, false);
        }
    }
}
