package io.chspring.client.sql;

import java.util.List;

/**
 * A SQL text parsed once for client-side placeholders: {@code ?} (one bound value each) and {@code ?fields}
 * (the mapped column list of a row type). Placeholders inside string literals, quoted identifiers and
 * comments are left alone. STUB: the SQL work fills this in; the method shapes are the contract.
 */
public final class SqlTemplate {

    private final String sql;

    private SqlTemplate(String sql) {
        this.sql = sql;
    }

    /** Parses {@code sql}. */
    public static SqlTemplate parse(String sql) {
        return new SqlTemplate(sql);
    }

    /** The number of {@code ?} placeholders. */
    public int placeholderCount() {
        return 0;
    }

    /** Whether the text has a {@code ?fields} placeholder. */
    public boolean hasFields() {
        return false;
    }

    /**
     * Renders the SQL with every {@code ?} replaced by the literal of the matching argument and {@code ?fields}
     * by {@code fields} (may be {@code null} when there is no such placeholder).
     *
     * @throws IllegalArgumentException when the argument count does not match, or a value has no literal form;
     *     the message names the placeholder position and the value's type
     */
    public String render(List<?> args, String fields) {
        return sql;
    }
}
