package io.chspring.client.block;

import io.chspring.client.type.ClickHouseColumn;
import java.util.List;

/**
 * One block of a result as the server sent it (its size set by {@code max_block_size} and the query): a row count
 * and a column per result column, in order. Immutable apart from the arrays the columns expose.
 */
public final class Block {

    private final int rows;
    private final List<BlockColumn> columns;

    Block(int rows, List<BlockColumn> columns) {
        this.rows = rows;
        this.columns = List.copyOf(columns);
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The columns, in result order. */
    public List<BlockColumn> columns() {
        return columns;
    }

    /** The column at {@code index} (0-based). */
    public BlockColumn column(int index) {
        return columns.get(index);
    }

    /**
     * The first column named {@code name}.
     *
     * @throws IllegalArgumentException naming the block's columns when there is none of that name
     */
    public BlockColumn column(String name) {
        for (BlockColumn column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        throw new IllegalArgumentException("No column '" + name + "' in the block; its columns are "
                + columns.stream().map(BlockColumn::name).toList());
    }

    /** The names and types of the columns. */
    public List<ClickHouseColumn> schema() {
        return columns.stream().map(c -> new ClickHouseColumn(c.name(), c.type())).toList();
    }

    @Override
    public String toString() {
        return "Block[" + rows + " rows, " + schema() + "]";
    }
}
