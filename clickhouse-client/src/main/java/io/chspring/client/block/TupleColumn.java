package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A column of Tuple values as ClickHouse sends them: one column per tuple element, each with a value per row
 * (geo types too: a Point column is two Float64 columns).
 */
public final class TupleColumn extends BlockColumn {

    private final List<BlockColumn> elements;

    TupleColumn(String name, ClickHouseType type, int size, List<BlockColumn> elements, @Nullable BitSet nulls) {
        super(name, type, size, nulls);
        this.elements = List.copyOf(elements);
    }

    /** The element columns, in tuple order. */
    public List<BlockColumn> elements() {
        return elements;
    }

    /** The element column at {@code index} (0-based). */
    public BlockColumn element(int index) {
        return elements.get(index);
    }

    /** The tuple at {@code row} as a new list of its elements' values, or {@code null} when it is NULL. */
    @Override
    public @Nullable List<@Nullable Object> value(int row) {
        checkRow(row);
        if (isNull(row)) {
            return null;
        }
        List<@Nullable Object> list = new ArrayList<>(elements.size());
        for (BlockColumn element : elements) {
            list.add(element.value(row));
        }
        return list;
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        return new TupleColumn(name, type, size(), elements, nulls);
    }
}
