package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.rowbinary.RowBinaryInput;

/**
 * Array: Native sends each row's end offset (a running total, UInt64) and then the elements of all rows as one
 * column; RowBinary writes each row's element count (LEB128) and then its elements.
 */
final class ArrayTranscoder implements ColumnTranscoder {

    private final ColumnTranscoder element;
    /** Row i's elements are {@code [ends[i], ends[i + 1])}. */
    private int[] ends = new int[1];

    ArrayTranscoder(ColumnTranscoder element) {
        this.element = element;
    }

    @Override
    public void readPrefix(RowBinaryInput in) {
        element.readPrefix(in);
    }

    @Override
    public void load(RowBinaryInput in, int rows) {
        if (ends.length < rows + 1) {
            ends = new int[rows + 1];
        }
        int previous = 0;
        for (int i = 0; i < rows; i++) {
            long end = in.readLong();
            if (end < previous || end > Integer.MAX_VALUE - 8) {
                throw new ClickHouseTransportException("malformed Native data: array offset "
                        + Long.toUnsignedString(end) + " after " + previous + " at row " + i);
            }
            ends[i + 1] = (int) end;
            previous = (int) end;
        }
        element.load(in, previous);
    }

    @Override
    public void write(int index, RowChunk out) {
        int start = ends[index];
        int end = ends[index + 1];
        out.writeVarLong(end - start);
        for (int i = start; i < end; i++) {
            element.write(i, out);
        }
    }
}
