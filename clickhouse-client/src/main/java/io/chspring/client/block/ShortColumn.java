package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/** A column of Int16 and UInt8 values, backed by one {@code short[]} for the block. */
public final class ShortColumn extends BlockColumn {

    private final short[] values;

    ShortColumn(String name, ClickHouseType type, short[] values, @Nullable BitSet nulls) {
        super(name, type, values.length, nulls);
        this.values = values;
    }

    /** The values, one per row (the default value at NULL rows); the column's own array, not a copy. */
    public short[] values() {
        return values;
    }

    /** The value at {@code row} (the default value when it is NULL). */
    public short get(int row) {
        return values[row];
    }

    @Override
    public @Nullable Object value(int row) {
        checkRow(row);
        return isNull(row) ? null : Short.valueOf(values[row]);
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        return new ShortColumn(name, type, values, nulls);
    }

    @Override
    BlockColumn take(String name, ClickHouseType type, int[] indexes, @Nullable BitSet nulls) {
        short[] out = new short[indexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[indexes[i]];
        }
        return new ShortColumn(name, type, out, nulls);
    }
}
