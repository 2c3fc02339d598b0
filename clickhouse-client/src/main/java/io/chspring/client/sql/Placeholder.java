package io.chspring.client.sql;

import org.jspecify.annotations.Nullable;

/**
 * One client-side placeholder found by {@link SqlLexer}: its kind, its name for {@code :name}, and where it stands
 * relative to an {@code IN}.
 */
record Placeholder(Kind kind, @Nullable String name, Position position) {

    enum Kind {
        /** {@code ?}: the next positional value. */
        POSITIONAL,
        /** {@code :name}: the value bound to that name. */
        NAMED,
        /** {@code ?fields}: the column list of a row type. */
        FIELDS
    }

    /** Where the placeholder stands; decides how a bound collection or array is written. */
    enum Position {
        /** Anywhere else: a collection is an array literal {@code [a, b]}. */
        VALUE,
        /** Straight after {@code IN}: a collection is the whole list {@code (a, b)}. */
        AFTER_IN,
        /** Straight after {@code IN (}: a collection is the list's items {@code a, b}. */
        IN_PARENTHESES
    }
}
