package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders decoded values the way the engine's TSVRaw output does, written independently of the codec from the
 * engine's documented text formats, so that golden tests compare the codec against the engine's own rendering.
 */
final class EngineText {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private EngineText() {
    }

    static byte[] render(ClickHouseType type, Object value) {
        EngineText t = new EngineText();
        t.value(type, value, false);
        return t.out.toByteArray();
    }

    private void text(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void value(ClickHouseType type, Object v, boolean nested) {
        if (v instanceof TypedValue t) {
            value(t.type(), t.value(), nested);
            return;
        }
        if (v == null) {
            text(nested ? "NULL" : "\\N");
            return;
        }
        switch (type.kind()) {
            case NULLABLE, LOW_CARDINALITY, SIMPLE_AGGREGATE_FUNCTION -> value(type.child(), v, nested);
            case FLOAT32, BFLOAT16 -> text(floatText(((Number) v).floatValue(), true));
            case FLOAT64 -> text(floatText(((Number) v).doubleValue(), false));
            case DECIMAL -> {
                BigDecimal d = ((BigDecimal) v).stripTrailingZeros();
                text(d.signum() == 0 ? "0" : d.toPlainString());
            }
            case STRING, FIXED_STRING, ENUM8, ENUM16 -> string(v instanceof byte[] b ? b
                    : v.toString().getBytes(StandardCharsets.UTF_8), nested);
            case UUID -> string(v.toString(), nested);
            case IPV4 -> string(((Inet4Address) v).getHostAddress(), nested);
            case IPV6 -> string(ipv6(((Inet6Address) v).getAddress()), nested);
            case DATE, DATE32 -> string(v.toString(), nested);
            case DATETIME, DATETIME64 -> string(dateTime(type, (Instant) v), nested);
            case TIME, TIME64 -> string(time(type, (Duration) v), nested);
            case ARRAY, NESTED, RING, LINE_STRING, POLYGON, MULTI_LINE_STRING, MULTI_POLYGON ->
                list(type.wireType().kind() == ClickHouseKind.ARRAY ? type.wireType().child() : elementOf(type), v);
            case TUPLE, POINT -> tuple(type.wireType(), v);
            case MAP -> {
                text("{");
                int i = 0;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    text(i++ > 0 ? "," : "");
                    value(type.children().get(0), e.getKey(), true);
                    text(":");
                    value(type.children().get(1), e.getValue(), true);
                }
                text("}");
            }
            case VARIANT -> value(variantOf(type, v), v, nested);
            case JSON -> string(json(v), nested);
            default -> text(v.toString());
        }
    }

    private static ClickHouseType elementOf(ClickHouseType nested) {
        // Nested(a T, b U) is an array of Tuple(a T, b U)
        return ClickHouseType.parse("Tuple" + nested.toString().substring("Nested".length()));
    }

    private static ClickHouseType variantOf(ClickHouseType variant, Object v) {
        for (ClickHouseType t : variant.children()) {
            if (RowBinaryCodecs.defaultJavaType(t).isInstance(v)) {
                return t;
            }
        }
        throw new AssertionError("no variant of " + variant + " for " + v);
    }

    private void list(ClickHouseType element, Object v) {
        text("[");
        List<Object> items = items(v);
        for (int i = 0; i < items.size(); i++) {
            text(i > 0 ? "," : "");
            value(element, items.get(i), true);
        }
        text("]");
    }

    private void tuple(ClickHouseType tuple, Object v) {
        text("(");
        List<Object> items = items(v);
        for (int i = 0; i < items.size(); i++) {
            text(i > 0 ? "," : "");
            value(tuple.children().get(i), items.get(i), true);
        }
        text(")");
    }

    private static List<Object> items(Object v) {
        List<Object> items = new ArrayList<>();
        if (v instanceof List<?> l) {
            items.addAll(l);
        } else if (v instanceof double[] d) {
            for (double x : d) {
                items.add(x);
            }
        } else {
            items.addAll(List.of((Object[]) v));
        }
        return items;
    }

    private void string(String s, boolean nested) {
        string(s.getBytes(StandardCharsets.UTF_8), nested);
    }

    /** Nested strings are quoted and escaped like the engine's writeQuoted; top-level TSVRaw is raw. */
    private void string(byte[] b, boolean nested) {
        if (!nested) {
            out.writeBytes(b);
            return;
        }
        out.write('\'');
        for (byte x : b) {
            switch (x) {
                case '\'' -> text("\\'");
                case '\\' -> text("\\\\");
                case '\n' -> text("\\n");
                case '\t' -> text("\\t");
                case '\r' -> text("\\r");
                case '\b' -> text("\\b");
                case '\f' -> text("\\f");
                case 0 -> text("\\0");
                default -> out.write(x);
            }
        }
        out.write('\'');
    }

    /** Shortest digits that read back as the same value; plain notation for 1e-7 <= |x| < 1e21. */
    static String floatText(double d, boolean float32) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p));
            boolean same = float32 ? Float.parseFloat(r.toString()) == (float) d : Double.parseDouble(r.toString()) == d;
            if (same) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -7 && exponent < 21) {
            return sign + shortest.abs().toPlainString();
        }
        return sign + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "") + "e" + exponent;
    }

    private static String dateTime(ClickHouseType type, Instant instant) {
        ZoneId zone = type.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(type.timeZone());
        LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
        String s = String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
        return type.kind() == ClickHouseKind.DATETIME64 ? s + fraction(t.getNano(), type.precision()) : s;
    }

    private static String fraction(int nanos, int precision) {
        if (precision == 0) {
            return "";
        }
        return "." + String.format("%09d", nanos).substring(0, precision);
    }

    private static String time(ClickHouseType type, Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        long s = a.getSeconds();
        String text = String.format("%s%02d:%02d:%02d", negative ? "-" : "", s / 3600, s / 60 % 60, s % 60);
        return type.kind() == ClickHouseKind.TIME64 ? text + fraction(a.getNano(), type.precision()) : text;
    }

    /** RFC 5952 text, with IPv4-mapped addresses as ::ffff:a.b.c.d. */
    static String ipv6(byte[] b) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return "::ffff:" + (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** The engine prints JSON compactly with keys sorted. */
    static String json(Object v) {
        StringBuilder sb = new StringBuilder();
        json(sb, v);
        return sb.toString();
    }

    private static void json(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : new TreeMap<Object, Object>(m).entrySet()) {
                sb.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":");
                json(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? "," : "");
                json(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof Double d) {
            sb.append(floatText(d, false));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof String || v instanceof LocalDate) {
            sb.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            throw new AssertionError("unexpected JSON value " + v.getClass());
        }
    }
}
