package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/** Nullable(T): a flag byte (1 = NULL, nothing follows; 0 = a T follows). NULL reads as {@code null}. */
final class NullableCodec<T> extends WrappingCodec<T> {

    NullableCodec(ClickHouseType type, ValueCodec<T> inner) {
        super(type, inner);
    }

    @Override
    public T read(RowBinaryInput in) {
        return in.readByte() != 0 ? null : inner.read(in);
    }

    @Override
    public void write(RowBinaryOutput out, Object value) {
        if (value == null) {
            out.writeByte(1);
        } else {
            out.writeByte(0);
            inner.write(out, value);
        }
    }

    @Override
    public String toString() {
        return "NullableCodec[" + inner + "]";
    }
}
