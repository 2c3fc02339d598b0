package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A column of Array values as ClickHouse sends them: the elements of every row flattened into one
 * {@link #elements()} column, and {@link #offsets()} telling where each row's elements start and end. Row
 * {@code r} holds elements {@code offsets()[r]} (inclusive) to {@code offsets()[r + 1]} (exclusive), so an
 * {@code Array(Float64)} column is one {@code double[]} for the whole block.
 */
public final class ArrayColumn extends BlockColumn {

    private final int[] offsets;
    private final BlockColumn elements;

    ArrayColumn(String name, ClickHouseType type, int[] offsets, BlockColumn elements) {
        super(name, type, offsets.length - 1, null);
        this.offsets = offsets;
        this.elements = elements;
    }

    /** {@code size() + 1} offsets into {@link #elements()}, starting at 0; the column's own array. */
    public int[] offsets() {
        return offsets;
    }

    /** The elements of all rows, in row order. */
    public BlockColumn elements() {
        return elements;
    }

    /** The number of elements in the array at {@code row}. */
    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    /** The array at {@code row} as a new list of its elements' {@link BlockColumn#value(int) values}. */
    @Override
    public List<@Nullable Object> value(int row) {
        checkRow(row);
        List<@Nullable Object> list = new ArrayList<>(length(row));
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            list.add(elements.value(i));
        }
        return list;
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        throw new IllegalStateException("ClickHouse has no Nullable(Array(...)); column '" + name + "'");
    }
}
