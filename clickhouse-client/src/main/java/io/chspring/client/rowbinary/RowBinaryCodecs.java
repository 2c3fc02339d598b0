package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseType;
import java.lang.reflect.Type;

/**
 * Builds {@link ValueCodec}s. Build once per column and reuse: building validates that the Java type can hold
 * every value of the ClickHouse type and fails with a {@link io.chspring.client.ClickHouseSchemaException} naming
 * both otherwise. {@code Object.class} means the default Java type (see TYPES.md). Generic types such as
 * {@code List<Integer>} choose the element types too.
 */
public final class RowBinaryCodecs {

    private RowBinaryCodecs() {
    }

    /** A codec reading values in their default Java type, with {@link CodecOptions#DEFAULT}. */
    public static ValueCodec<Object> codec(ClickHouseType type) {
        return codec(type, Object.class, CodecOptions.DEFAULT);
    }

    /** A codec reading values as {@code javaType}, with {@link CodecOptions#DEFAULT}. */
    public static <T> ValueCodec<T> codec(ClickHouseType type, Class<T> javaType) {
        return codec(type, javaType, CodecOptions.DEFAULT);
    }

    /** A codec reading values as {@code javaType}. */
    @SuppressWarnings("unchecked")
    public static <T> ValueCodec<T> codec(ClickHouseType type, Class<T> javaType, CodecOptions options) {
        return (ValueCodec<T>) new CodecBuilder(options).build(type, javaType);
    }

    /**
     * A codec reading values as {@code javaType} (a class or a generic type), where {@code Object} (at the top or as
     * an element type) takes the Java type {@code formats} choose for the ClickHouse type, not its default. Only the
     * type formats count here; a column's format applies through {@link #codec(ClickHouseColumn, Type, CodecOptions,
     * ReadFormats)}.
     */
    public static ValueCodec<?> codec(ClickHouseType type, Type javaType, CodecOptions options, ReadFormats formats) {
        return new CodecBuilder(options, formats).build(type, javaType);
    }

    /**
     * A codec for the values of {@code column} read as {@code javaType}, with {@code formats}' type formats and the
     * column's own format (which wins) choosing the Java type where the target is {@code Object}.
     *
     * @throws io.chspring.client.ClickHouseConfigurationException when the column's format does not apply to its type
     */
    public static ValueCodec<?> codec(ClickHouseColumn column, Type javaType, CodecOptions options,
            ReadFormats formats) {
        return new CodecBuilder(options, formats.forColumn(column)).build(column.type(), javaType);
    }

    /**
     * A codec reading values as the generic type {@code javaType}, with {@link CodecOptions#DEFAULT}; see
     * {@link #codec(ClickHouseType, Type, CodecOptions)}.
     */
    public static ValueCodec<?> codec(ClickHouseType type, Type javaType) {
        return codec(type, javaType, CodecOptions.DEFAULT);
    }

    /**
     * A codec reading values as the generic type {@code javaType}, such as a field's {@link
     * java.lang.reflect.Field#getGenericType()}. Type arguments choose the element codecs: {@code List<Integer>},
     * {@code Collection<E>} or {@code Iterable<E>} for Array(UInt16), {@code Map<String, List<Long>>} for
     * Map(String, Array(UInt32)), {@code List<Short>[]} for Array(Array(UInt8)), {@code List<E>} for a Tuple whose
     * every element maps to E. Each element type must hold every value of its ClickHouse type, as for a top-level
     * class; {@code ? extends X} and {@code ? super X} count as X, {@code ?}, {@code Object} and type variables as
     * the default Java type. A raw class behaves as in {@link #codec(ClickHouseType, Class, CodecOptions)}.
     * {@code Set} is refused for arrays (reading would drop duplicates), and {@code Optional} everywhere (Nullable
     * values read as {@code null}).
     *
     * <p>The codec reads values of {@code javaType}'s raw class (ArrayList for List, LinkedHashMap for Map) whose
     * elements have the declared types, so casting it to {@code ValueCodec<List<Integer>>} is safe.
     *
     * @throws io.chspring.client.ClickHouseSchemaException naming both types and the innermost pair that does not
     *     fit, e.g. {@code Integer cannot hold UInt32} for {@code List<Integer>} and Array(UInt32)
     */
    public static ValueCodec<?> codec(ClickHouseType type, Type javaType, CodecOptions options) {
        return new CodecBuilder(options).build(type, javaType);
    }

    /** The Java type values of {@code type} are read as when the target is {@code Object}. */
    public static Class<?> defaultJavaType(ClickHouseType type) {
        return JavaTypes.defaultClass(type);
    }
}
