package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/**
 * Builds {@link ValueCodec}s. Build once per column and reuse: building validates that the Java type can hold
 * every value of the ClickHouse type and fails with a {@link io.chspring.client.ClickHouseSchemaException} naming
 * both otherwise. {@code Object.class} means the default Java type (see TYPES.md).
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

    /** The Java type values of {@code type} are read as when the target is {@code Object}. */
    public static Class<?> defaultJavaType(ClickHouseType type) {
        return JavaTypes.defaultClass(type);
    }
}
