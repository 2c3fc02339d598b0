package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/** A column of Int32 and UInt16 values, backed by one {@code int[]} for the block. */
public final class IntColumn extends BlockColumn {

    private final int[] values;

    IntColumn(String name, ClickHouseType type, int[] values, @Nullable BitSet nulls) {
        super(name, type, values.length, nulls);
        this.values = values;
    }

    /** The values, one per row (the default value at NULL rows); the column's own array, not a copy. */
    public int[] values() {
        return values;
    }

    /** The value at {@code row} (the default value when it is NULL). */
    public int get(int row) {
        return values[row];
    }

    @Override
    public @Nullable Object value(int row) {
        checkRow(row);
        return isNull(row) ? null : Integer.valueOf(values[row]);
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        return new IntColumn(name, type, values, nulls);
    }

    @Override
    BlockColumn take(String name, ClickHouseType type, int[] indexes, @Nullable BitSet nulls) {
        int[] out = new int[indexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[indexes[i]];
        }
        return new IntColumn(name, type, out, nulls);
    }
}
