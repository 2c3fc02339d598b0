package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;

/**
 * Types that RowBinary writes exactly like another: LowCardinality(T) (the dictionary exists only in Native)
 * and SimpleAggregateFunction(f, T). Everything, the primitive paths too, goes to the codec of T.
 */
final class AliasCodec<T> extends WrappingCodec<T> {

    AliasCodec(ClickHouseType type, ValueCodec<T> inner) {
        super(type, inner);
    }

    @Override
    public T read(RowBinaryInput in) {
        return inner.read(in);
    }

    @Override
    public void write(RowBinaryOutput out, Object value) {
        inner.write(out, value);
    }

    @Override
    public boolean readBoolean(RowBinaryInput in) {
        return inner.readBoolean(in);
    }

    @Override
    public int readInt(RowBinaryInput in) {
        return inner.readInt(in);
    }

    @Override
    public long readLong(RowBinaryInput in) {
        return inner.readLong(in);
    }

    @Override
    public float readFloat(RowBinaryInput in) {
        return inner.readFloat(in);
    }

    @Override
    public double readDouble(RowBinaryInput in) {
        return inner.readDouble(in);
    }

    @Override
    public void writeBoolean(RowBinaryOutput out, boolean value) {
        inner.writeBoolean(out, value);
    }

    @Override
    public void writeInt(RowBinaryOutput out, int value) {
        inner.writeInt(out, value);
    }

    @Override
    public void writeLong(RowBinaryOutput out, long value) {
        inner.writeLong(out, value);
    }

    @Override
    public void writeFloat(RowBinaryOutput out, float value) {
        inner.writeFloat(out, value);
    }

    @Override
    public void writeDouble(RowBinaryOutput out, double value) {
        inner.writeDouble(out, value);
    }
}
