package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseType;
import java.lang.reflect.Type;

/** The messages of codec errors, in one place so they read the same everywhere. */
final class CodecErrors {

    private CodecErrors() {
    }

    static ClickHouseSchemaException cannotMap(ClickHouseType type, Type javaType) {
        return new ClickHouseSchemaException("cannot map ClickHouse type " + type + " to Java type "
                + javaType.getTypeName() + "; supported: " + JavaTypes.supported(type));
    }

    /** The pair asked for, and the nested pair ({@code UInt32} elements as {@code Integer}) that has no codec. */
    static ClickHouseSchemaException cannotMap(ClickHouseType type, Type javaType, ClickHouseType inner,
            Type innerJavaType) {
        return new ClickHouseSchemaException("cannot map ClickHouse type " + type + " to Java type "
                + javaType.getTypeName() + ": " + innerJavaType.getTypeName() + " cannot hold " + inner
                + "; supported for " + inner + ": " + JavaTypes.supported(inner));
    }

    static ClickHouseSchemaException notWritable(ClickHouseType type, Object value) {
        return new ClickHouseSchemaException("cannot write " + describe(value) + " to ClickHouse type " + type);
    }

    static ClickHouseSchemaException outOfRange(ClickHouseType type, Object value, String why) {
        return new ClickHouseSchemaException("value " + shorten(String.valueOf(value)) + " does not fit ClickHouse type "
                + type + ": " + why);
    }

    static ClickHouseSchemaException nullValue(ClickHouseType type) {
        return new ClickHouseSchemaException("null is not allowed for non-Nullable ClickHouse type " + type);
    }

    static ClickHouseSchemaException badData(ClickHouseType type, String why) {
        return new ClickHouseSchemaException("cannot read ClickHouse type " + type + ": " + why);
    }

    static Object nonNull(ValueCodec<?> codec, Object value) {
        if (value == null) {
            throw new ClickHouseSchemaException("NULL read from " + codec.type() + " where a primitive was expected");
        }
        return value;
    }

    static Number number(ValueCodec<?> codec, Object value) {
        if (nonNull(codec, value) instanceof Number n) {
            return n;
        }
        throw new ClickHouseSchemaException("ClickHouse type " + codec.type() + " is not numeric");
    }

    static String describe(Object value) {
        return value == null ? "null" : "value " + shorten(String.valueOf(value)) + " (" + value.getClass().getName() + ")";
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
