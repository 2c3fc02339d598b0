package io.chspring.client.type;

import io.chspring.client.ClickHouseSchemaException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive-descent parser of type names as the server prints them (DESCRIBE, toTypeName,
 * RowBinaryWithNamesAndTypes headers). Grammar after ClickHouse's ParserDataType; see
 * https://clickhouse.com/docs/sql-reference/data-types.
 */
final class TypeParser {

    private static final Map<String, ClickHouseKind> SIMPLE = new HashMap<>();
    private static final Map<String, ClickHouseKind> ALIASES = new HashMap<>();

    static {
        for (ClickHouseKind kind : ClickHouseKind.values()) {
            if (kind != ClickHouseKind.INTERVAL) {
                SIMPLE.put(kind.typeName(), kind);
            }
        }
        ALIASES.put("BOOLEAN", ClickHouseKind.BOOL);
        ALIASES.put("TINYINT", ClickHouseKind.INT8);
        ALIASES.put("SMALLINT", ClickHouseKind.INT16);
        ALIASES.put("INT", ClickHouseKind.INT32);
        ALIASES.put("INTEGER", ClickHouseKind.INT32);
        ALIASES.put("BIGINT", ClickHouseKind.INT64);
        ALIASES.put("FLOAT", ClickHouseKind.FLOAT32);
        ALIASES.put("REAL", ClickHouseKind.FLOAT32);
        ALIASES.put("DOUBLE", ClickHouseKind.FLOAT64);
        ALIASES.put("VARCHAR", ClickHouseKind.STRING);
        ALIASES.put("TEXT", ClickHouseKind.STRING);
        ALIASES.put("BLOB", ClickHouseKind.STRING);
        ALIASES.put("TIMESTAMP", ClickHouseKind.DATETIME);
        ALIASES.put("STRING", ClickHouseKind.STRING);
    }

    private static final java.util.Set<String> INTERVAL_UNITS = java.util.Set.of("Nanosecond", "Microsecond",
            "Millisecond", "Second", "Minute", "Hour", "Day", "Week", "Month", "Quarter", "Year");

    private final String input;
    private int pos;

    TypeParser(String input) {
        if (input == null) {
            throw new ClickHouseSchemaException("type name is null");
        }
        this.input = input;
    }

    ClickHouseType parseAll() {
        ClickHouseType type = parseType();
        skipWs();
        if (pos < input.length()) {
            throw error("unexpected '" + input.charAt(pos) + "' after the type");
        }
        return type;
    }

    private ClickHouseType parseType() {
        skipWs();
        int start = pos;
        String name = identifier();
        if (name.isEmpty()) {
            throw error("expected a type name");
        }
        skipWs();
        boolean args = peek() == '(';
        ClickHouseKind kind = SIMPLE.get(name);
        if (kind == null) {
            kind = ALIASES.get(name.toUpperCase(Locale.ROOT));
        }
        if (kind == null) {
            return familyWithSuffix(name, start, args);
        }
        return switch (kind) {
            case DECIMAL -> decimal(-1);
            case FIXED_STRING -> {
                expect('(');
                int n = (int) number(1, Integer.MAX_VALUE, "FixedString length");
                expect(')');
                yield ClickHouseType.fixedString(n);
            }
            case ENUM8, ENUM16 -> enumType(kind);
            case DATETIME -> {
                if (!args) {
                    yield ClickHouseType.dateTime(null);
                }
                expect('(');
                String tz = quoted();
                expect(')');
                yield ClickHouseType.dateTime(tz);
            }
            case DATETIME64 -> dateTime64();
            case TIME64 -> {
                expect('(');
                int p = (int) number(0, 9, "Time64 precision");
                expect(')');
                yield ClickHouseType.time64(p);
            }
            case ARRAY, NULLABLE, LOW_CARDINALITY -> {
                expect('(');
                ClickHouseType inner = parseType();
                expect(')');
                yield ClickHouseType.wrap(kind, inner);
            }
            case MAP -> {
                expect('(');
                ClickHouseType key = parseType();
                expect(',');
                ClickHouseType value = parseType();
                expect(')');
                yield ClickHouseType.map(key, value);
            }
            case TUPLE -> tuple(false);
            case NESTED -> tuple(true);
            case VARIANT -> {
                expect('(');
                List<ClickHouseType> variants = new ArrayList<>();
                do {
                    variants.add(parseType());
                } while (comma());
                expect(')');
                yield ClickHouseType.variant(variants);
            }
            case DYNAMIC -> {
                if (!args) {
                    yield ClickHouseType.dynamic(-1);
                }
                expect('(');
                skipWs();
                if (!identifier().equals("max_types")) {
                    throw error("expected max_types");
                }
                expect('=');
                int n = (int) number(0, 254, "Dynamic max_types");
                expect(')');
                yield ClickHouseType.dynamic(n);
            }
            case JSON -> args ? new JsonTypeParser(this).parse() : ClickHouseType.json(List.of(), List.of(),
                    List.of(), List.of());
            case SIMPLE_AGGREGATE_FUNCTION -> {
                expect('(');
                skipWs();
                int fnStart = pos;
                if (identifier().isEmpty()) {
                    throw error("expected an aggregate function name");
                }
                if (peek() == '(') {
                    skipBalanced();
                }
                String function = input.substring(fnStart, pos);
                expect(',');
                ClickHouseType inner = parseType();
                expect(')');
                yield ClickHouseType.simpleAggregateFunction(function, inner);
            }
            default -> {
                if (args) {
                    throw error(kind.typeName() + " takes no parameters");
                }
                yield ClickHouseType.of(kind);
            }
        };
    }

    /** Decimal32(S) and friends fix the precision; anything else we do not know is unsupported. */
    private ClickHouseType familyWithSuffix(String name, int start, boolean args) {
        switch (name) {
            case "Decimal32":
                return decimal(9);
            case "Decimal64":
                return decimal(18);
            case "Decimal128":
                return decimal(38);
            case "Decimal256":
                return decimal(76);
            case "Enum":
                return enumType(null);
            default:
                break;
        }
        if (name.startsWith("Interval") && INTERVAL_UNITS.contains(name.substring(8)) && !args) {
            return ClickHouseType.interval(name.substring(8));
        }
        if (args) {
            skipBalanced();
        }
        String text = input.substring(start, pos);
        String reason = switch (name) {
            case "Object" -> ": the deprecated Object('json') type cannot be read; use the JSON type";
            case "AggregateFunction" -> ": aggregate states have no portable RowBinary form; select finalizeAggregation(...)"
                    + " or use SimpleAggregateFunction";
            default -> "";
        };
        throw new ClickHouseSchemaException("unsupported type " + text + reason);
    }

    private ClickHouseType decimal(int fixedPrecision) {
        expect('(');
        int precision;
        int scale;
        if (fixedPrecision > 0) {
            precision = fixedPrecision;
            scale = (int) number(0, precision, "Decimal scale");
        } else {
            precision = (int) number(1, 76, "Decimal precision");
            scale = comma() ? (int) number(0, precision, "Decimal scale") : 0;
        }
        expect(')');
        return ClickHouseType.decimal(precision, scale);
    }

    private ClickHouseType dateTime64() {
        expect('(');
        int precision = (int) number(0, 9, "DateTime64 precision");
        String tz = comma() ? quoted() : null;
        expect(')');
        return ClickHouseType.dateTime64(precision, tz);
    }

    private ClickHouseType enumType(ClickHouseKind declared) {
        expect('(');
        List<String> names = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        long next = 1;
        do {
            skipWs();
            String name = quoted();
            long value;
            skipWs();
            if (peek() == '=') {
                pos++;
                value = number(Short.MIN_VALUE, Short.MAX_VALUE, "Enum value");
            } else {
                value = next;
            }
            if (names.contains(name) || values.contains((int) value)) {
                throw error("duplicate Enum element '" + name + "' = " + value);
            }
            names.add(name);
            values.add((int) value);
            next = value + 1;
        } while (comma());
        expect(')');
        boolean fitsInt8 = values.stream().allMatch(v -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE);
        ClickHouseKind kind = declared != null ? declared : fitsInt8 ? ClickHouseKind.ENUM8 : ClickHouseKind.ENUM16;
        if (kind == ClickHouseKind.ENUM8 && !fitsInt8) {
            throw error("Enum8 values must be between -128 and 127");
        }
        return ClickHouseType.enumType(kind, names, values.stream().mapToInt(Integer::intValue).toArray());
    }

    private ClickHouseType tuple(boolean nested) {
        expect('(');
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = new ArrayList<>();
        skipWs();
        if (peek() == ')' && !nested) {
            pos++;
            return ClickHouseType.tuple(null, types);
        }
        do {
            skipWs();
            String name = elementName();
            if (nested && name == null) {
                throw error("Nested elements need names");
            }
            names.add(name);
            types.add(parseType());
        } while (comma());
        expect(')');
        long named = names.stream().filter(n -> n != null).count();
        if (named != 0 && named != names.size()) {
            throw error("either all or no Tuple elements must have names");
        }
        return nested ? ClickHouseType.nested(names, types) : ClickHouseType.tuple(named == 0 ? null : names, types);
    }

    /** An element is named when an identifier is followed by another token that starts a type. */
    private String elementName() {
        char c = peek();
        if (c == '`' || c == '"') {
            return quoted();
        }
        int save = pos;
        String ident = identifier();
        int afterIdent = pos;
        skipWs();
        if (afterIdent > save && pos > afterIdent && isIdentifierChar(peek())) {
            return ident;
        }
        pos = save;
        return null;
    }

    // ---- lexical helpers, shared with JsonTypeParser ----

    ClickHouseType nestedType() {
        return parseType();
    }

    String identifier() {
        int start = pos;
        while (pos < input.length() && isIdentifierChar(input.charAt(pos))) {
            pos++;
        }
        return input.substring(start, pos);
    }

    static boolean isIdentifierChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A '...', `...` or "..." literal with backslash escapes (and doubled quotes), as the server writes them. */
    String quoted() {
        skipWs();
        char quote = peek();
        if (quote != '\'' && quote != '`' && quote != '"') {
            throw error("expected a quoted string");
        }
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= input.length()) {
                throw error("unterminated quoted string");
            }
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (pos >= input.length()) {
                    throw error("unterminated escape");
                }
                sb.append(BackslashEscapes.unescape(input.charAt(pos++)));
            } else if (c == quote) {
                if (peek() == quote) {
                    sb.append(quote);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
    }

    long number(long min, long max, String what) {
        skipWs();
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (pos < input.length() && Character.isDigit(input.charAt(pos))) {
            pos++;
        }
        long value;
        try {
            value = Long.parseLong(input.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a number for " + what);
        }
        if (value < min || value > max) {
            pos = start;
            throw error(what + " " + value + " is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    void expect(char c) {
        skipWs();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    boolean comma() {
        skipWs();
        if (peek() == ',') {
            pos++;
            return true;
        }
        return false;
    }

    boolean lookingAtWord(String word) {
        skipWs();
        int end = pos + word.length();
        return input.startsWith(word, pos) && end < input.length() && Character.isWhitespace(input.charAt(end));
    }

    void advance(int n) {
        pos += n;
    }

    char peek() {
        return pos < input.length() ? input.charAt(pos) : '\0';
    }

    void skipWs() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private void skipBalanced() {
        int depth = 0;
        do {
            if (pos >= input.length()) {
                throw error("unbalanced parentheses");
            }
            char c = input.charAt(pos);
            if (c == '\'' || c == '`' || c == '"') {
                quoted();
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    ClickHouseSchemaException error(String message) {
        return new ClickHouseSchemaException(
                "cannot parse type '" + input + "' at position " + pos + ": " + message);
    }
}
