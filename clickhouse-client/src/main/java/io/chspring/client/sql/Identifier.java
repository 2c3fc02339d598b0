package io.chspring.client.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /**
     * A name written {@code name} or {@code database.name}, as callers give a table in configuration: split at the dot,
     * each part quoted separately. Names that themselves contain a dot or a quote cannot be written this way without
     * ambiguity ({@code "a.b.c"}, {@code "`my.db`.t"}), so they are refused here: pass their parts to {@link #of}.
     *
     * @throws IllegalArgumentException when {@code qualifiedName} is null or blank, has more than one dot, an empty
     *     part, a back quote or a double quote, or a part {@link #of} refuses
     */
    public static Identifier ofQualified(String qualifiedName) {
        if (qualifiedName == null || qualifiedName.isBlank()) {
            throw new IllegalArgumentException("Qualified name '" + qualifiedName + "' is blank");
        }
        if (qualifiedName.indexOf('`') >= 0 || qualifiedName.indexOf('"') >= 0) {
            throw new IllegalArgumentException("Qualified name '" + qualifiedName + "' contains a quote; "
                    + "pass the unquoted parts to Identifier.of(...) instead");
        }
        int dot = qualifiedName.indexOf('.');
        if (dot >= 0 && qualifiedName.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("Qualified name '" + qualifiedName + "' has more than one dot; "
                    + "use Identifier.of(...) for names containing dots");
        }
        if (dot == 0 || dot == qualifiedName.length() - 1) {
            throw new IllegalArgumentException("Qualified name '" + qualifiedName + "' has an empty part; "
                    + "use Identifier.of(...) for names containing dots");
        }
        return dot < 0 ? of(qualifiedName) : of(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
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
    public boolean equals(@Nullable Object o) {
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
