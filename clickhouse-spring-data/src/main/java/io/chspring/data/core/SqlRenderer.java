package io.chspring.data.core;

import io.chspring.client.sql.RawSql;
import io.chspring.client.sql.SqlLiterals;
import io.chspring.client.sql.SqlTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Renders a statement's placeholders client-side: {@code ?} or {@code :name} values as escaped literals and
 * {@code ?fields} as a column list. A collection or array bound straight after {@code IN} (or inside
 * {@code IN (...)}) becomes a tuple {@code (a, b, c)}, because the array literal {@code [a, b, c]} that
 * {@link SqlLiterals} writes for it is refused after {@code IN} by ClickHouse 18.16; bound anywhere else it stays an
 * array. An empty collection after {@code IN} becomes {@code (NULL)}, which matches no row.
 */
final class SqlRenderer {

    private SqlRenderer() {
    }

    /** The SQL with {@code positional} or {@code named} values (one of them empty) and {@code fields} filled in. */
    static String render(SqlTemplate template, List<Object> positional, Map<String, Object> named, String fields) {
        String marker = "__chspring_in_" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "_";
        Map<String, String> expansions = new HashMap<>();
        String sql;
        if (template.placeholderCount() > 0) {
            List<Object> values = new ArrayList<>(positional.size());
            for (Object value : positional) {
                values.add(mark(value, marker, expansions));
            }
            sql = template.render(values, fields);
        } else if (!template.namedParameterNames().isEmpty()) {
            Map<String, Object> values = new HashMap<>();
            named.forEach((name, value) -> values.put(name, mark(value, marker, expansions)));
            sql = template.renderNamed(values, fields);
        } else {
            if (!positional.isEmpty()) {
                throw new IllegalArgumentException("SQL has no ? placeholder but " + positional.size()
                        + " value(s) were given");
            }
            sql = template.render(List.of(), fields);
        }
        return expansions.isEmpty() ? sql : expand(sql, expansions);
    }

    private static Object mark(Object value, String marker, Map<String, String> expansions) {
        if (!isMulti(value)) {
            return value;
        }
        String token = marker + expansions.size() + "__";
        expansions.put(token, SqlLiterals.toLiteral(value));
        return RawSql.trusted(token);
    }

    private static boolean isMulti(Object value) {
        return value instanceof Collection<?> || value != null && value.getClass().isArray()
                && !(value instanceof byte[]) && !(value instanceof char[]);
    }

    private static String expand(String sql, Map<String, String> expansions) {
        StringBuilder out = new StringBuilder(sql);
        for (Map.Entry<String, String> e : expansions.entrySet()) {
            int at = out.indexOf(e.getKey());
            while (at >= 0) {
                String array = e.getValue();
                String replacement;
                if (afterIn(out, at, false)) {
                    replacement = array.length() == 2 ? "(NULL)" : "(" + array.substring(1, array.length() - 1) + ")";
                } else if (afterIn(out, at, true)) {
                    replacement = array.length() == 2 ? "NULL" : array.substring(1, array.length() - 1);
                } else {
                    replacement = array;
                }
                out.replace(at, at + e.getKey().length(), replacement);
                at = out.indexOf(e.getKey(), at + replacement.length());
            }
        }
        return out.toString();
    }

    /** Whether the text before {@code at} ends with the keyword IN (and an opening parenthesis when asked). */
    private static boolean afterIn(CharSequence sql, int at, boolean parenthesis) {
        int i = skipSpaces(sql, at - 1);
        if (parenthesis) {
            if (i < 0 || sql.charAt(i) != '(') {
                return false;
            }
            i = skipSpaces(sql, i - 1);
        }
        return i >= 1 && Character.toUpperCase(sql.charAt(i)) == 'N' && Character.toUpperCase(sql.charAt(i - 1)) == 'I'
                && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)) && sql.charAt(i - 2) != '_');
    }

    private static int skipSpaces(CharSequence sql, int i) {
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        return i;
    }
}
