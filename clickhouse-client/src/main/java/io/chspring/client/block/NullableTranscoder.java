package io.chspring.client.block;

import io.chspring.client.rowbinary.RowBinaryInput;

/**
 * Nullable: Native sends a null map (a byte per row) and then the inner column for every row, NULL rows included,
 * with whatever value the server kept there (not always the default: a NULL from a CASE can carry the other branch's
 * value). RowBinary writes a flag per row and the value only when it is not NULL, so those placeholders are skipped.
 */
final class NullableTranscoder implements ColumnTranscoder {

    private final ColumnTranscoder inner;
    private byte[] nulls = new byte[0];

    NullableTranscoder(ColumnTranscoder inner) {
        this.inner = inner;
    }

    @Override
    public void readPrefix(RowBinaryInput in) {
        inner.readPrefix(in);
    }

    @Override
    public void load(RowBinaryInput in, int rows) {
        if (nulls.length < rows) {
            nulls = new byte[rows];
        }
        in.readFully(nulls, 0, rows);
        inner.load(in, rows);
    }

    @Override
    public void write(int index, RowChunk out) {
        if (nulls[index] != 0) {
            out.write(1);
        } else {
            out.write(0);
            inner.write(index, out);
        }
    }
}
