package io.chspring.client.sql;

import java.util.List;
import java.util.Objects;

/**
 * A table, column or database name bound in place of a {@code ?}: rendered as a back-quoted identifier,
 * never as a string literal. {@code Identifier.of("db", "events")} renders as {@code `db`.`events`}.
 * STUB: the SQL work fills in the escaping.
 */
public final class Identifier {

    private final List<String> parts;

    private Identifier(List<String> parts) {
        this.parts = parts;
    }

    /** An identifier of one or more dot-separated parts, each quoted separately. */
    public static Identifier of(String... parts) {
        return new Identifier(List.of(parts));
    }

    /** The quoted SQL form. */
    public String toSql() {
        return String.join(".", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts);
    }

    @Override
    public String toString() {
        return toSql();
    }
}
