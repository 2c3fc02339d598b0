package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/** A column of Bool values, backed by one {@code boolean[]} for the block. */
public final class BooleanColumn extends BlockColumn {

    private final boolean[] values;

    BooleanColumn(String name, ClickHouseType type, boolean[] values, @Nullable BitSet nulls) {
        super(name, type, values.length, nulls);
        this.values = values;
    }

    /** The values, one per row (the default value at NULL rows); the column's own array, not a copy. */
    public boolean[] values() {
        return values;
    }

    /** The value at {@code row} (the default value when it is NULL). */
    public boolean get(int row) {
        return values[row];
    }

    @Override
    public @Nullable Object value(int row) {
        checkRow(row);
        return isNull(row) ? null : Boolean.valueOf(values[row]);
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        return new BooleanColumn(name, type, values, nulls);
    }

    @Override
    BlockColumn take(String name, ClickHouseType type, int[] indexes, @Nullable BitSet nulls) {
        boolean[] out = new boolean[indexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[indexes[i]];
        }
        return new BooleanColumn(name, type, out, nulls);
    }
}
