package io.chspring.client.sql;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SQL text bound in place of a {@code ?} exactly as written, with no quoting or escaping: for the rare fragment no
 * literal can express ({@code now()}, {@code DEFAULT}, a server-side expression).
 *
 * <p><strong>Danger:</strong> the text becomes part of the statement. Never build it from user input; doing so
 * reopens the SQL injection that {@code ?} binding exists to prevent. Bind values, and {@link Identifier} for names.
 */
public final class RawSql {

    private final String sql;

    private RawSql(String sql) {
        this.sql = sql;
    }

    /** Trusted SQL text, inserted verbatim. Read the class documentation before using it. */
    public static RawSql trusted(String sql) {
        return new RawSql(Objects.requireNonNull(sql, "sql"));
    }

    /** The SQL text. */
    public String toSql() {
        return sql;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RawSql other && sql.equals(other.sql);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }

    @Override
    public String toString() {
        return sql;
    }
}
