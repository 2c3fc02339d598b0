package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/**
 * A type whose values are those of one inner type (Nullable(T), LowCardinality(T), ...): it reports its own
 * ClickHouse type but reads as the Java type of the codec of T, to which subclasses delegate.
 */
abstract class WrappingCodec<T> implements ValueCodec<T> {

    private final ClickHouseType type;
    final ValueCodec<T> inner;

    WrappingCodec(ClickHouseType type, ValueCodec<T> inner) {
        this.type = type;
        this.inner = inner;
    }

    @Override
    public final ClickHouseType type() {
        return type;
    }

    @Override
    public final Class<?> javaType() {
        return inner.javaType();
    }
}
