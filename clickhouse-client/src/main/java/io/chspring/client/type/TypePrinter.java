package io.chspring.client.type;

import java.util.List;

/** Prints a type the way the server does (DataType::getName), so printed names round-trip through the parser. */
final class TypePrinter {

    private TypePrinter() {
    }

    static String print(ClickHouseType t) {
        StringBuilder sb = new StringBuilder(t.kind().typeName());
        switch (t.kind()) {
            case DECIMAL -> sb.append('(').append(t.precision()).append(", ").append(t.scale()).append(')');
            case FIXED_STRING -> sb.append('(').append(t.precision()).append(')');
            case ENUM8, ENUM16 -> {
                sb.append('(');
                for (int i = 0; i < t.names().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    quote(sb, t.names().get(i), '\'').append(" = ").append(t.enumValue(i));
                }
                sb.append(')');
            }
            case DATETIME -> {
                if (t.timeZone() != null) {
                    quote(sb.append('('), t.timeZone(), '\'').append(')');
                }
            }
            case DATETIME64 -> {
                sb.append('(').append(t.precision());
                if (t.timeZone() != null) {
                    quote(sb.append(", "), t.timeZone(), '\'');
                }
                sb.append(')');
            }
            case INTERVAL -> sb.append(t.intervalUnit());
            case TIME64 -> sb.append('(').append(t.precision()).append(')');
            case ARRAY, NULLABLE, LOW_CARDINALITY, MAP, VARIANT -> list(sb, null, t.children());
            case TUPLE, NESTED -> list(sb, t.names(), t.children());
            case DYNAMIC -> {
                if (t.precision() >= 0) {
                    sb.append("(max_types=").append(t.precision()).append(')');
                }
            }
            case SIMPLE_AGGREGATE_FUNCTION -> sb.append('(').append(t.functionName()).append(", ")
                    .append(t.child()).append(')');
            case JSON -> json(sb, t);
            default -> {
            }
        }
        return sb.toString();
    }

    private static void list(StringBuilder sb, List<String> names, List<ClickHouseType> types) {
        sb.append('(');
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (names != null) {
                identifier(sb, names.get(i)).append(' ');
            }
            sb.append(types.get(i));
        }
        sb.append(')');
    }

    private static void json(StringBuilder sb, ClickHouseType t) {
        if (t.options().isEmpty() && t.children().isEmpty()) {
            return;
        }
        sb.append('(');
        int n = 0;
        for (String option : t.options()) {
            if (!option.startsWith("SKIP ")) {
                sb.append(n++ > 0 ? ", " : "").append(option);
            }
        }
        for (int i = 0; i < t.children().size(); i++) {
            sb.append(n++ > 0 ? ", " : "");
            jsonPath(sb, t.names().get(i)).append(' ').append(t.children().get(i));
        }
        for (String option : t.options()) {
            if (option.startsWith("SKIP ")) {
                sb.append(n++ > 0 ? ", " : "").append(option);
            }
        }
        sb.append(')');
    }

    /** JSON paths print their dot-separated parts back-quoted only where needed. */
    static StringBuilder jsonPath(StringBuilder sb, String path) {
        String[] parts = path.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            identifier(sb, parts[i]);
        }
        return sb;
    }

    static StringBuilder identifier(StringBuilder sb, String name) {
        return isPlainIdentifier(name) ? sb.append(name) : quote(sb, name, '`');
    }

    static boolean isPlainIdentifier(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    static StringBuilder quote(StringBuilder sb, String value, char quote) {
        sb.append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (c == quote) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.append(quote);
    }
}
