package io.chspring.client.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Renders Java values as ClickHouse SQL literals with correct escaping, in forms that ClickHouse 18.16 and current
 * servers read the same way unless a form says "modern servers only".
 *
 * <ul>
 * <li>{@code null}, empty {@code Optional*}: {@code NULL}.</li>
 * <li>{@code CharSequence}, {@code Character}, {@code char[]}, {@code Enum} (its name): a single-quoted string;
 *     {@code \} and {@code '} are backslash-escaped, control characters become {@code \n \r \t \0 \b \f} or
 *     {@code \xHH}; other characters are kept (the SQL is sent as UTF-8). An unpaired UTF-16 surrogate has no UTF-8
 *     form and is rejected.</li>
 * <li>{@code byte[]}: a string literal of exactly those bytes, printable ASCII as is and {@code \xHH} for the rest.</li>
 * <li>{@code Boolean}: {@code 1} / {@code 0}. 18.16 has no {@code true} literal ("Unknown identifier: true") and no
 *     Bool type; modern servers convert 1/0 to Bool wherever a Bool is expected.</li>
 * <li>Byte, Short, Integer, Long, AtomicInteger, AtomicLong: decimal digits. BigInteger: digits within
 *     Int64..UInt64, else {@code toInt128/toInt256/toUInt256('…')} (modern servers only).</li>
 * <li>BigDecimal: {@code toDecimal32/64/128/256('plain digits', scale)}, never a lossy Float64.</li>
 * <li>Float, Double: shortest round-trip digits; {@code nan}, {@code inf}, {@code -inf}; {@code -0.0} keeps its
 *     sign. A Float is written as the exact double it widens to.</li>
 * <li>LocalDate, LocalDateTime (read as UTC here; a client first gives it the instant of its {@code TimeZoneRule}),
 *     Instant, OffsetDateTime, ZonedDateTime (converted to UTC):
 *     {@code toDate('…')} / {@code toDateTime('…', 'UTC')}, or {@code toDate32} / {@code toDateTime64(…, S, 'UTC')}
 *     (modern servers only) for values with a fraction of a second or outside 1970..2105. LocalTime: a string
 *     {@code 'HH:mm:ss[.fffffffff]'}.</li>
 * <li>UUID: {@code toUUID('…')}.</li>
 * <li>Iterable, Object and primitive arrays: {@code [a, b]}, recursively. Map: {@code map(k1, v1, …)} (modern
 *     servers only: 18.16 has no Map).</li>
 * <li>{@link Identifier}: its back-quoted form. {@link RawSql}: its text, verbatim.</li>
 * </ul>
 * Every other type, and {@code java.util.Date} (use {@code java.time}), is rejected with an
 * {@link IllegalArgumentException} naming the type.
 *
 * <p>A rendered negative number starts with {@code -}: placed straight after a {@code -} it would open a comment.
 * {@link SqlTemplate} inserts a space in that case; callers assembling SQL by hand must do the same.
 */
public final class SqlLiterals {

    /** Deeper nesting is almost surely a self-containing collection; bounded to fail fast, not overflow the stack. */
    private static final int MAX_DEPTH = 32;

    private SqlLiterals() {
    }

    /**
     * The literal for {@code value}.
     *
     * @throws IllegalArgumentException when the type has no literal form; the message names the type
     */
    public static String toLiteral(@Nullable Object value) {
        StringBuilder out = new StringBuilder(value instanceof CharSequence s ? s.length() + 8 : 24);
        appendLiteral(out, value);
        return out.toString();
    }

    /**
     * Appends the literal for {@code value} to {@code out}.
     *
     * @throws IllegalArgumentException when the type has no literal form; the message names the type
     */
    public static void appendLiteral(StringBuilder out, @Nullable Object value) {
        append(out, value, 0);
    }

    private static void append(StringBuilder out, @Nullable Object value, int depth) {
        if (value == null) {
            out.append("NULL");
        } else if (value instanceof String s) {
            SqlEscaper.appendQuoted(out, s, '\'');
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof AtomicInteger || value instanceof AtomicLong) {
            out.append(value);
        } else if (value instanceof Double d) {
            NumberLiterals.appendDouble(out, d);
        } else if (value instanceof Boolean b) {
            out.append(b ? '1' : '0');
        } else if (value instanceof Float f) {
            NumberLiterals.appendFloat(out, f);
        } else if (value instanceof BigDecimal d) {
            NumberLiterals.appendBigDecimal(out, d);
        } else if (value instanceof BigInteger i) {
            NumberLiterals.appendBigInteger(out, i);
        } else if (value instanceof CharSequence s) {
            SqlEscaper.appendQuoted(out, s, '\'');
        } else if (value instanceof Character c) {
            SqlEscaper.appendQuoted(out, String.valueOf(c.charValue()), '\'');
        } else if (value instanceof Enum<?> e) {
            SqlEscaper.appendQuoted(out, e.name(), '\'');
        } else if (value instanceof UUID u) {
            out.append("toUUID('").append(u).append("')");
        } else if (value instanceof Identifier id) {
            out.append(id.toSql());
        } else if (value instanceof RawSql raw) {
            out.append(raw.toSql());
        } else if (!appendTemporal(out, value) && !appendOptional(out, value, depth)) {
            appendContainer(out, value, depth);
        }
    }

    private static boolean appendTemporal(StringBuilder out, Object value) {
        if (value instanceof LocalDate d) {
            TemporalLiterals.appendDate(out, d);
        } else if (value instanceof LocalDateTime t) {
            TemporalLiterals.appendDateTime(out, t);
        } else if (value instanceof Instant i) {
            TemporalLiterals.appendInstant(out, i);
        } else if (value instanceof OffsetDateTime t) {
            TemporalLiterals.appendInstant(out, t.toInstant());
        } else if (value instanceof ZonedDateTime t) {
            TemporalLiterals.appendInstant(out, t.toInstant());
        } else if (value instanceof LocalTime t) {
            TemporalLiterals.appendTime(out, t);
        } else {
            return false;
        }
        return true;
    }

    private static boolean appendOptional(StringBuilder out, Object value, int depth) {
        if (value instanceof Optional<?> o) {
            append(out, o.orElse(null), depth + 1);
        } else if (value instanceof OptionalInt o) {
            append(out, o.isPresent() ? o.getAsInt() : null, depth);
        } else if (value instanceof OptionalLong o) {
            append(out, o.isPresent() ? o.getAsLong() : null, depth);
        } else if (value instanceof OptionalDouble o) {
            append(out, o.isPresent() ? o.getAsDouble() : null, depth);
        } else {
            return false;
        }
        return true;
    }

    private static void appendContainer(StringBuilder out, Object value, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("Value nests more than " + MAX_DEPTH
                    + " collections deep (a collection that contains itself?)");
        }
        if (value instanceof byte[] bytes) {
            SqlEscaper.appendBytes(out, bytes);
        } else if (value instanceof char[] chars) {
            SqlEscaper.appendQuoted(out, java.nio.CharBuffer.wrap(chars), '\'');
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map, depth);
        } else if (value instanceof Path || value instanceof java.util.Date) {
            // Path is an Iterable of itself; java.util.Date (and java.sql.Timestamp) have no unambiguous form.
            throw unsupported(value);
        } else if (value instanceof Iterable<?> iterable) {
            out.append('[');
            boolean first = true;
            for (Object element : iterable) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(out, element, depth + 1);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            ArrayLiterals.append(out, value, depth);
        } else {
            throw unsupported(value);
        }
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map, int depth) {
        out.append("map(");
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, entry.getKey(), depth + 1);
            out.append(", ");
            append(out, entry.getValue(), depth + 1);
        }
        out.append(')');
    }

    /** For {@link ArrayLiterals}: one element of an {@code Object[]}. */
    static void appendElement(StringBuilder out, @Nullable Object element, int depth) {
        append(out, element, depth + 1);
    }

    private static IllegalArgumentException unsupported(Object value) {
        return new IllegalArgumentException("No ClickHouse SQL literal for a value of type "
                + value.getClass().getName());
    }
}
