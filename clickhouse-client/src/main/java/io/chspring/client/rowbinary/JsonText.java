package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseSchemaException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader and writer for JSON columns, so that JSON works without any JSON library. */
final class JsonText {

    private final String s;
    private int pos;

    private JsonText(String s) {
        this.s = s;
    }

    /** Renders maps, collections, arrays, numbers, booleans and null as JSON; anything else as a JSON string. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            array(sb, c.toArray());
        } else if (v instanceof Object[] a) {
            array(sb, a);
        } else if (v instanceof double[] d) {
            sb.append('[');
            for (int i = 0; i < d.length; i++) {
                sb.append(i > 0 ? "," : "");
                write(sb, d[i]);
            }
            sb.append(']');
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? v.toString() : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof byte[] b) {
            string(sb, new String(b, java.nio.charset.StandardCharsets.UTF_8));
        } else if (v instanceof TypedValue t) {
            write(sb, t.value());
        } else {
            string(sb, v.toString());
        }
    }

    private static void array(StringBuilder sb, Object[] a) {
        sb.append('[');
        for (int i = 0; i < a.length; i++) {
            sb.append(i > 0 ? "," : "");
            write(sb, a[i]);
        }
        sb.append(']');
    }

    private static void string(StringBuilder sb, String str) {
        sb.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Parses a JSON object into LinkedHashMaps, ArrayLists, Strings, Longs (BigIntegers), Doubles and Booleans. */
    static Map<?, ?> parseObject(String text) {
        JsonText p = new JsonText(text);
        p.ws();
        Object v = p.value();
        p.ws();
        if (!(v instanceof Map<?, ?> m) || p.pos != text.length()) {
            throw p.error("expected one JSON object");
        }
        return m;
    }

    private Object value() {
        ws();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{' -> {
                pos++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (peek() == '}') {
                    pos++;
                    return m;
                }
                do {
                    ws();
                    String key = str();
                    ws();
                    expect(':');
                    m.put(key, value());
                    ws();
                } while (accept(','));
                expect('}');
                return m;
            }
            case '[' -> {
                pos++;
                List<Object> l = new ArrayList<>();
                ws();
                if (peek() == ']') {
                    pos++;
                    return l;
                }
                do {
                    l.add(value());
                    ws();
                } while (accept(','));
                expect(']');
                return l;
            }
            case '"' -> {
                return str();
            }
            default -> {
                return literal();
            }
        }
    }

    private Object literal() {
        int start = pos;
        while (pos < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String t = s.substring(start, pos);
        switch (t) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        try {
            if (t.indexOf('.') >= 0 || t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
                return Double.parseDouble(t);
            }
            BigInteger b = new BigInteger(t);
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        } catch (NumberFormatException e) {
            pos = start;
            throw error("bad literal '" + t + "'");
        }
    }

    private String str() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private boolean accept(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private ClickHouseSchemaException error(String message) {
        return new ClickHouseSchemaException("invalid JSON value at position " + pos + ": " + message);
    }
}
