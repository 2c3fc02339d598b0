package io.chspring.client.sql;

import java.util.List;

/**
 * A table, column or database name bound in place of a {@code ?}: rendered as a back-quoted identifier, never as a
 * string literal. {@code Identifier.of("db", "events")} renders as {@code `db`.`events`}; a back quote or backslash
 * inside a part is escaped with a backslash, so any name is safe to bind.
 */
public final class Identifier {

    private final List<String> parts;
    private final String sql;

    private Identifier(List<String> parts, String sql) {
        this.parts = parts;
        this.sql = sql;
    }

    /**
     * An identifier of one or more dot-separated parts, each quoted separately.
     *
     * @throws IllegalArgumentException when there is no part, or a part is null, empty, contains NUL or an unpaired
     *     UTF-16 surrogate
     */
    public static Identifier of(String... parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("An identifier needs at least one part");
        }
        StringBuilder sql = new StringBuilder(16 * parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part == null || part.isEmpty()) {
                throw new IllegalArgumentException("Identifier part " + (i + 1) + " of " + parts.length
                        + " is " + (part == null ? "null" : "empty"));
            }
            if (part.indexOf('\0') >= 0) {
                // ClickHouse names are C strings in places (file names on disk): NUL can never be a valid name.
                throw new IllegalArgumentException("Identifier part " + (i + 1) + " contains a NUL character");
            }
            if (i > 0) {
                sql.append('.');
            }
            SqlEscaper.appendQuoted(sql, part, '`');
        }
        return new Identifier(List.of(parts), sql.toString());
    }

    /** The unquoted parts, in order. */
    public List<String> parts() {
        return parts;
    }

    /** The quoted SQL form. */
    public String toSql() {
        return sql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return sql;
    }
}
