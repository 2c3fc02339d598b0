package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A column of Map values as ClickHouse sends them (an array of key-value pairs): the keys of every row flattened
 * into one {@link #keys()} column, the values into {@link #values()}, and {@link #offsets()} telling where each row's
 * entries start and end, as in {@link ArrayColumn}.
 */
public final class MapColumn extends BlockColumn {

    private final int[] offsets;
    private final BlockColumn keys;
    private final BlockColumn values;

    MapColumn(String name, ClickHouseType type, int[] offsets, BlockColumn keys, BlockColumn values) {
        super(name, type, offsets.length - 1, null);
        this.offsets = offsets;
        this.keys = keys;
        this.values = values;
    }

    /** {@code size() + 1} offsets into {@link #keys()} and {@link #values()}, starting at 0; the column's own array. */
    public int[] offsets() {
        return offsets;
    }

    /** The keys of all rows, in row order. */
    public BlockColumn keys() {
        return keys;
    }

    /** The values of all rows, parallel to {@link #keys()}. */
    public BlockColumn values() {
        return values;
    }

    /** The number of entries in the map at {@code row}. */
    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    /** The map at {@code row} as a new insertion-ordered map of boxed keys and values. */
    @Override
    public Map<@Nullable Object, @Nullable Object> value(int row) {
        checkRow(row);
        Map<@Nullable Object, @Nullable Object> map = new LinkedHashMap<>(length(row) * 2);
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            map.put(keys.value(i), values.value(i));
        }
        return map;
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        throw new IllegalStateException("ClickHouse has no Nullable(Map(...)); column '" + name + "'");
    }
}
