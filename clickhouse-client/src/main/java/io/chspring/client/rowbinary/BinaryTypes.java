package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.util.List;

/**
 * The binary encoding of data types used by Dynamic (and JSON) values: one tag byte plus parameters, see
 * https://clickhouse.com/docs/sql-reference/data-types/data-types-binary-encoding and the server's
 * DataTypesBinaryEncoding.cpp. Decoding produces the canonical type name, which callers cache by.
 */
final class BinaryTypes {

    static final int NOTHING = 0x00;
    private static final String[] SIMPLE = new String[0x40];
    private static final String[] INTERVAL_UNITS = {"Nanosecond", "Microsecond", "Millisecond", "Second", "Minute",
        "Hour", "Day", "Week", "Month", "Quarter", "Year"};
    private static final int DEFAULT_JSON_PATHS = 1024;
    private static final int DEFAULT_JSON_TYPES = 32;
    private static final int DEFAULT_DYNAMIC_TYPES = 32;

    static {
        String[] names = {"Nothing", "UInt8", "UInt16", "UInt32", "UInt64", "UInt128", "UInt256", "Int8", "Int16",
            "Int32", "Int64", "Int128", "Int256", "Float32", "Float64", "Date", "Date32", "DateTime"};
        System.arraycopy(names, 0, SIMPLE, 0, names.length);
        SIMPLE[0x15] = "String";
        SIMPLE[0x1D] = "UUID";
        SIMPLE[0x28] = "IPv4";
        SIMPLE[0x29] = "IPv6";
        SIMPLE[0x2D] = "Bool";
        SIMPLE[0x31] = "BFloat16";
        SIMPLE[0x32] = "Time";
    }

    private BinaryTypes() {
    }

    /** The canonical name of a type without parameters for a tag, or {@code null}. */
    static String simpleName(int tag) {
        return tag < SIMPLE.length ? SIMPLE[tag] : null;
    }

    /** Reads one encoded type (after its tag) and returns its canonical name. */
    static String decode(int tag, RowBinaryInput in) {
        String simple = simpleName(tag);
        if (simple != null) {
            return simple;
        }
        StringBuilder sb = new StringBuilder();
        switch (tag) {
            case 0x12 -> quote(sb.append("DateTime("), in.readString()).append(')');
            case 0x13 -> sb.append("DateTime64(").append(in.readUnsignedByte()).append(')');
            case 0x14 -> {
                sb.append("DateTime64(").append(in.readUnsignedByte()).append(", ");
                quote(sb, in.readString()).append(')');
            }
            case 0x16 -> sb.append("FixedString(").append(in.readVarLong()).append(')');
            case 0x17, 0x18 -> {
                sb.append(tag == 0x17 ? "Enum8(" : "Enum16(");
                long n = in.readVarLong();
                for (long i = 0; i < n; i++) {
                    quote(sb.append(i > 0 ? ", " : ""), in.readString()).append(" = ")
                            .append(tag == 0x17 ? in.readByte() : in.readShort());
                }
                sb.append(')');
            }
            case 0x19, 0x1A, 0x1B, 0x1C -> sb.append("Decimal(").append(in.readUnsignedByte()).append(", ")
                    .append(in.readUnsignedByte()).append(')');
            case 0x1E -> sb.append("Array(").append(decode(in)).append(')');
            case 0x1F, 0x2A -> {
                sb.append(tag == 0x1F ? "Tuple(" : "Variant(");
                long n = in.readVarLong();
                for (long i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(decode(in));
                }
                sb.append(')');
            }
            case 0x20, 0x2F -> {
                sb.append(tag == 0x20 ? "Tuple(" : "Nested(");
                long n = in.readVarLong();
                for (long i = 0; i < n; i++) {
                    identifier(sb.append(i > 0 ? ", " : ""), in.readString()).append(' ').append(decode(in));
                }
                sb.append(')');
            }
            case 0x22 -> {
                int kind = in.readUnsignedByte();
                if (kind >= INTERVAL_UNITS.length) {
                    throw new io.chspring.client.ClickHouseTransportException("unknown interval kind " + kind);
                }
                sb.append("Interval").append(INTERVAL_UNITS[kind]);
            }
            case 0x23 -> sb.append("Nullable(").append(decode(in)).append(')');
            case 0x26 -> sb.append("LowCardinality(").append(decode(in)).append(')');
            case 0x27 -> sb.append("Map(").append(decode(in)).append(", ").append(decode(in)).append(')');
            case 0x2B -> {
                int max = in.readUnsignedByte();
                sb.append("Dynamic");
                if (max != DEFAULT_DYNAMIC_TYPES) {
                    sb.append("(max_types=").append(max).append(')');
                }
            }
            case 0x2C -> sb.append(in.readString());
            case 0x30 -> json(sb, in);
            case 0x34 -> sb.append("Time64(").append(in.readUnsignedByte()).append(')');
            default -> throw new io.chspring.client.ClickHouseSchemaException(String.format(
                    "unsupported type in a Dynamic value: binary type tag 0x%02x at byte %d", tag, in.position() - 1));
        }
        return sb.toString();
    }

    static String decode(RowBinaryInput in) {
        return decode(in.readUnsignedByte(), in);
    }

    private static void json(StringBuilder sb, RowBinaryInput in) {
        int version = in.readUnsignedByte();
        if (version != 0) {
            throw new io.chspring.client.ClickHouseSchemaException("unsupported JSON type encoding version " + version);
        }
        long paths = in.readVarLong();
        int types = in.readUnsignedByte();
        StringBuilder params = new StringBuilder();
        if (paths != DEFAULT_JSON_PATHS) {
            params.append("max_dynamic_paths=").append(paths);
        }
        if (types != DEFAULT_JSON_TYPES) {
            params.append(params.length() > 0 ? ", " : "").append("max_dynamic_types=").append(types);
        }
        for (long i = 0, n = in.readVarLong(); i < n; i++) {
            String path = in.readString();
            params.append(params.length() > 0 ? ", " : "").append(path).append(' ').append(decode(in));
        }
        for (long i = 0, n = in.readVarLong(); i < n; i++) {
            params.append(params.length() > 0 ? ", " : "").append("SKIP ").append(in.readString());
        }
        for (long i = 0, n = in.readVarLong(); i < n; i++) {
            quote(params.append(params.length() > 0 ? ", " : "").append("SKIP REGEXP "), in.readString());
        }
        sb.append("JSON");
        if (params.length() > 0) {
            sb.append('(').append(params).append(')');
        }
    }

    /** Writes the binary encoding of {@code type}. */
    static void encode(ClickHouseType type, RowBinaryOutput out) {
        List<ClickHouseType> c = type.children();
        switch (type.kind()) {
            case DATETIME -> {
                if (type.timeZone() == null) {
                    out.writeByte(0x11);
                } else {
                    out.writeByte(0x12);
                    out.writeString(type.timeZone());
                }
            }
            case DATETIME64 -> {
                out.writeByte(type.timeZone() == null ? 0x13 : 0x14);
                out.writeByte(type.precision());
                if (type.timeZone() != null) {
                    out.writeString(type.timeZone());
                }
            }
            case FIXED_STRING -> {
                out.writeByte(0x16);
                out.writeVarLong(type.precision());
            }
            case ENUM8, ENUM16 -> {
                boolean wide = type.kind() == ClickHouseKind.ENUM16;
                out.writeByte(wide ? 0x18 : 0x17);
                int[] values = type.enumValues();
                out.writeVarLong(values.length);
                for (int i = 0; i < values.length; i++) {
                    out.writeString(type.names().get(i));
                    if (wide) {
                        out.writeShort(values[i]);
                    } else {
                        out.writeByte(values[i]);
                    }
                }
            }
            case DECIMAL -> {
                int p = type.precision();
                out.writeByte(p <= 9 ? 0x19 : p <= 18 ? 0x1A : p <= 38 ? 0x1B : 0x1C);
                out.writeByte(p);
                out.writeByte(type.scale());
            }
            case ARRAY -> tagged(out, 0x1E, c);
            case NULLABLE -> tagged(out, 0x23, c);
            case LOW_CARDINALITY -> tagged(out, 0x26, c);
            case MAP -> tagged(out, 0x27, c);
            case TUPLE, NESTED -> {
                boolean named = type.names() != null;
                out.writeByte(type.kind() == ClickHouseKind.NESTED ? 0x2F : named ? 0x20 : 0x1F);
                out.writeVarLong(c.size());
                for (int i = 0; i < c.size(); i++) {
                    if (named) {
                        out.writeString(type.names().get(i));
                    }
                    encode(c.get(i), out);
                }
            }
            case VARIANT -> {
                out.writeByte(0x2A);
                out.writeVarLong(c.size());
                c.forEach(v -> encode(v, out));
            }
            case DYNAMIC -> {
                out.writeByte(0x2B);
                out.writeByte(type.precision() < 0 ? DEFAULT_DYNAMIC_TYPES : type.precision());
            }
            case INTERVAL -> {
                out.writeByte(0x22);
                out.writeByte(List.of(INTERVAL_UNITS).indexOf(type.intervalUnit()));
            }
            case TIME64 -> {
                out.writeByte(0x34);
                out.writeByte(type.precision());
            }
            case POINT, RING, POLYGON, MULTI_POLYGON, LINE_STRING, MULTI_LINE_STRING -> {
                out.writeByte(0x2C);
                out.writeString(type.toString());
            }
            case JSON -> encodeJson(type, out);
            default -> {
                int tag = java.util.Arrays.asList(SIMPLE).indexOf(type.toString());
                if (tag < 0) {
                    throw new io.chspring.client.ClickHouseSchemaException("type " + type + " cannot be a Dynamic value");
                }
                out.writeByte(tag);
            }
        }
    }

    private static void tagged(RowBinaryOutput out, int tag, List<ClickHouseType> children) {
        out.writeByte(tag);
        children.forEach(t -> encode(t, out));
    }

    private static void encodeJson(ClickHouseType type, RowBinaryOutput out) {
        out.writeByte(0x30);
        out.writeByte(0);
        long paths = DEFAULT_JSON_PATHS;
        int types = DEFAULT_JSON_TYPES;
        for (String option : type.options()) {
            if (option.startsWith("max_dynamic_paths=")) {
                paths = Long.parseLong(option.substring(18));
            } else if (option.startsWith("max_dynamic_types=")) {
                types = Integer.parseInt(option.substring(18));
            }
        }
        out.writeVarLong(paths);
        out.writeByte(types);
        out.writeVarLong(type.children().size());
        for (int i = 0; i < type.children().size(); i++) {
            out.writeString(type.names().get(i));
            encode(type.children().get(i), out);
        }
        List<String> skips = type.options().stream().filter(o -> o.startsWith("SKIP ") && !o.startsWith("SKIP REGEXP "))
                .map(o -> o.substring(5)).toList();
        List<String> regexps = type.options().stream().filter(o -> o.startsWith("SKIP REGEXP "))
                .map(o -> ClickHouseType.parse("Enum8(" + o.substring(12) + " = 1)").names().get(0)).toList();
        out.writeVarLong(skips.size());
        skips.forEach(out::writeString);
        out.writeVarLong(regexps.size());
        regexps.forEach(out::writeString);
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '\\') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.append('\'');
    }

    private static StringBuilder identifier(StringBuilder sb, String s) {
        boolean plain = !s.isEmpty() && !Character.isDigit(s.charAt(0))
                && s.chars().allMatch(ch -> ch == '_' || Character.isLetterOrDigit(ch) && ch < 128);
        if (plain) {
            return sb.append(s);
        }
        sb.append('`');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '`' || ch == '\\') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.append('`');
    }
}
