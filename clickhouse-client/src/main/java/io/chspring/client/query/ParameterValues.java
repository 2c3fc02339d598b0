package io.chspring.client.query;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.sql.SqlLiterals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Text of server-side query parameters. The server parses a {@code param_<name>} value with the type's
 * <i>escaped</i> text format (as in TabSeparated; ReplaceQueryParameterVisitor in the ClickHouse source), so
 * strings are sent raw with backslash escapes, not quoted; composite values (arrays, maps, tuples) use the
 * quoted literal syntax inside, which the SQL layer renders.
 */
final class ParameterValues {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS]");

    private ParameterValues() {
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ClickHouseConfigurationException("Invalid query parameter name '" + name
                    + "': letters, digits and '_', as in {name:Type}");
        }
        return name;
    }

    static String text(String name, Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            return escape(value.toString());
        }
        if (value instanceof Enum<?> e) {
            return escape(e.name());
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return floating((Number) value);
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof LocalDate || value instanceof LocalTime) {
            return value.toString();
        }
        if (value instanceof LocalDateTime t) {
            return trimFraction(DATE_TIME.format(t));
        }
        // A zone-less epoch value: the server's or column's time zone cannot shift it.
        if (value instanceof Instant i) {
            return epoch(i);
        }
        if (value instanceof OffsetDateTime t) {
            return epoch(t.toInstant());
        }
        if (value instanceof ZonedDateTime t) {
            return epoch(t.toInstant());
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || value.getClass().isArray()) {
            return composite(value);
        }
        throw new ClickHouseConfigurationException("Query parameter '" + name + "': values of type "
                + value.getClass().getName() + " have no ClickHouse text form");
    }

    /**
     * An array or map in the text form the server parses for the parameter's type: {@code [e1, e2]} and
     * {@code {k1:v1, k2:v2}} (the Map type's text format, SerializationMap::deserializeText), with quoted literals
     * inside. Not the SQL literal {@code map(k, v)}, which is a function call that no text format accepts.
     */
    private static String composite(Object value) {
        StringBuilder out = new StringBuilder();
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(out.length() > 1 ? ", " : "").append(composite(entry.getKey())).append(':')
                        .append(composite(entry.getValue()));
            }
            return out.append('}').toString();
        }
        Iterable<?> elements = value instanceof Collection<?> c ? c
                : value != null && value.getClass().isArray() ? arrayElements(value) : null;
        if (elements == null) {
            return SqlLiterals.toLiteral(value);
        }
        out.append('[');
        for (Object element : elements) {
            out.append(out.length() > 1 ? ", " : "").append(composite(element));
        }
        return out.append(']').toString();
    }

    private static List<Object> arrayElements(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        List<Object> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            elements.add(java.lang.reflect.Array.get(array, i));
        }
        return elements;
    }

    /** The escaped format's escapes (WriteHelpers writeAnyEscapedString): backslash, tab, line breaks, NUL. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\0' -> "\\0";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> null;
            };
            if (esc != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String floating(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        // Float.toString keeps 0.1f as 0.1; widening to double first would print 0.10000000149011612.
        return n.toString();
    }

    private static String epoch(Instant i) {
        if (i.getNano() == 0) {
            return Long.toString(i.getEpochSecond());
        }
        return BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano(), 9)).stripTrailingZeros()
                .toPlainString();
    }

    private static String trimFraction(String dateTime) {
        int dot = dateTime.indexOf('.');
        if (dot < 0) {
            return dateTime;
        }
        int end = dateTime.length();
        while (end > dot + 1 && dateTime.charAt(end - 1) == '0') {
            end--;
        }
        return end == dot + 1 ? dateTime.substring(0, dot) : dateTime.substring(0, end);
    }
}
