package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/** A column of Float32 and BFloat16 values, backed by one {@code float[]} for the block. */
public final class FloatColumn extends BlockColumn {

    private final float[] values;

    FloatColumn(String name, ClickHouseType type, float[] values, @Nullable BitSet nulls) {
        super(name, type, values.length, nulls);
        this.values = values;
    }

    /** The values, one per row (the default value at NULL rows); the column's own array, not a copy. */
    public float[] values() {
        return values;
    }

    /** The value at {@code row} (the default value when it is NULL). */
    public float get(int row) {
        return values[row];
    }

    @Override
    public @Nullable Object value(int row) {
        checkRow(row);
        return isNull(row) ? null : Float.valueOf(values[row]);
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        return new FloatColumn(name, type, values, nulls);
    }

    @Override
    BlockColumn take(String name, ClickHouseType type, int[] indexes, @Nullable BitSet nulls) {
        float[] out = new float[indexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[indexes[i]];
        }
        return new FloatColumn(name, type, out, nulls);
    }
}
