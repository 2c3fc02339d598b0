package io.chspring.client.sql;

/**
 * Renders Java values as ClickHouse SQL literals with correct escaping. STUB: the SQL work fills this in.
 */
public final class SqlLiterals {

    private SqlLiterals() {
    }

    /**
     * The literal for {@code value}.
     *
     * @throws IllegalArgumentException when the type has no literal form; the message names the type
     */
    public static String toLiteral(Object value) {
        return String.valueOf(value);
    }
}
