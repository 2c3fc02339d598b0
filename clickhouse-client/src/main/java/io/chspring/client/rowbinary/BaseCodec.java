package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/** Null checks and conversion in one place: subclasses read, convert accepted values and encode them. */
abstract class BaseCodec<T> implements ValueCodec<T> {

    final ClickHouseType type;
    final Class<?> javaType;

    BaseCodec(ClickHouseType type, Class<?> javaType) {
        this.type = type;
        this.javaType = javaType;
    }

    @Override
    public final ClickHouseType type() {
        return type;
    }

    @Override
    public final Class<?> javaType() {
        return javaType;
    }

    @Override
    public void write(RowBinaryOutput out, Object value) {
        if (value == null) {
            throw CodecErrors.nullValue(type);
        }
        encode(out, value);
    }

    /** Writes a non-null value, converting it or throwing {@link CodecErrors#notWritable}. */
    abstract void encode(RowBinaryOutput out, Object value);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + type + " as " + javaType.getTypeName() + "]";
    }
}
