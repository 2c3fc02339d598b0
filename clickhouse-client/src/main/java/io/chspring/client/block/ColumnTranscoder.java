package io.chspring.client.block;

import io.chspring.client.rowbinary.RowBinaryInput;

/**
 * Turns one column of a Native block into RowBinary, value by value: {@link #load} reads the column's data of a block
 * (the whole block is held, nothing more), {@link #write} appends the RowBinary form of one value. A nested
 * transcoder's values are indexed by its parent (an array's elements, a nullable's rows).
 */
interface ColumnTranscoder {

    /**
     * Reads what the server writes for the column before a block's data, for the whole type tree (LowCardinality's
     * key version, once per block and before its parent's data); nothing for most types.
     */
    default void readPrefix(RowBinaryInput in) {
    }

    /** Reads {@code rows} values of this column's Native layout, replacing those of the previous block. */
    void load(RowBinaryInput in, int rows);

    /** Appends value {@code index} of the loaded block in RowBinary. */
    void write(int index, RowChunk out);
}
