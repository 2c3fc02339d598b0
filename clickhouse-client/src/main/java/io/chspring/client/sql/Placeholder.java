package io.chspring.client.sql;

/** One client-side placeholder found by {@link SqlLexer}: its kind, its name for {@code :name}, its offset. */
record Placeholder(Kind kind, String name, int offset) {

    enum Kind {
        /** {@code ?}: the next positional value. */
        POSITIONAL,
        /** {@code :name}: the value bound to that name. */
        NAMED,
        /** {@code ?fields}: the column list of a row type. */
        FIELDS
    }
}
