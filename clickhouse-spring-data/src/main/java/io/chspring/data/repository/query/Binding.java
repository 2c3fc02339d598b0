package io.chspring.data.repository.query;

import io.chspring.client.sql.RawSql;
import io.chspring.data.core.EntitySql;

/**
 * How one method argument becomes the value of one {@code :name} placeholder of a derived query.
 *
 * @param name the placeholder name
 * @param parameter the index among the method's bindable parameters
 * @param transform how the argument is changed before binding
 * @param expression for {@code IN}/{@code NOT IN}: the column expression the whole predicate tests
 */
record Binding(String name, int parameter, Transform transform, String expression) {

    /** What happens to the argument. */
    enum Transform {
        /** Bound as given. */
        AS_IS,
        /** {@code LIKE} escaped, then {@code %} appended. */
        STARTING,
        /** {@code LIKE} escaped, then {@code %} prepended. */
        ENDING,
        /** {@code LIKE} escaped, then wrapped in {@code %}. */
        CONTAINING,
        /** The whole predicate {@code expression IN (...)}, or {@code 0} for no values. */
        IN,
        /** The same with {@code lowerUTF8} around each value. */
        IN_IGNORE_CASE,
        /** The whole predicate {@code expression NOT IN (...)}, or {@code 1} for no values. */
        NOT_IN,
        /** The same with {@code lowerUTF8} around each value. */
        NOT_IN_IGNORE_CASE
    }

    /** The value to bind for the argument {@code value}. */
    Object bind(Object value) {
        return switch (transform) {
            case AS_IS -> value;
            case STARTING -> like(value) + "%";
            case ENDING -> "%" + like(value);
            case CONTAINING -> "%" + like(value) + "%";
            case IN -> in(value, " IN ", "0", null);
            case IN_IGNORE_CASE -> in(value, " IN ", "0", "lowerUTF8");
            case NOT_IN -> in(value, " NOT IN ", "1", null);
            case NOT_IN_IGNORE_CASE -> in(value, " NOT IN ", "1", "lowerUTF8");
        };
    }

    private RawSql in(Object value, String operator, String whenEmpty, String function) {
        String tuple = EntitySql.tuple(value, function);
        // "x IN ()" is a syntax error; an empty set matches nothing (and NOT IN everything).
        return RawSql.trusted(tuple == null ? whenEmpty : expression + operator + tuple);
    }

    private String like(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Argument " + (parameter + 1) + " of a LIKE-based keyword is null");
        }
        return escapeLike(value.toString());
    }

    /** {@code %}, {@code _} and {@code \} escaped with a backslash, as ClickHouse's LIKE reads them. */
    static String escapeLike(String value) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
