package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/** A column of Int8 values, backed by one {@code byte[]} for the block. */
public final class ByteColumn extends BlockColumn {

    private final byte[] values;

    ByteColumn(String name, ClickHouseType type, byte[] values, @Nullable BitSet nulls) {
        super(name, type, values.length, nulls);
        this.values = values;
    }

    /** The values, one per row (the default value at NULL rows); the column's own array, not a copy. */
    public byte[] values() {
        return values;
    }

    /** The value at {@code row} (the default value when it is NULL). */
    public byte get(int row) {
        return values[row];
    }

    @Override
    public @Nullable Object value(int row) {
        checkRow(row);
        return isNull(row) ? null : Byte.valueOf(values[row]);
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        return new ByteColumn(name, type, values, nulls);
    }

    @Override
    BlockColumn take(String name, ClickHouseType type, int[] indexes, @Nullable BitSet nulls) {
        byte[] out = new byte[indexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[indexes[i]];
        }
        return new ByteColumn(name, type, out, nulls);
    }
}
