package io.chspring.client.block;

import io.chspring.client.rowbinary.RowBinaryInput;

/** Tuple: Native sends each element's column in turn; RowBinary writes a row's elements one after another. */
final class TupleTranscoder implements ColumnTranscoder {

    private final ColumnTranscoder[] elements;

    TupleTranscoder(ColumnTranscoder[] elements) {
        this.elements = elements;
    }

    @Override
    public void readPrefix(RowBinaryInput in) {
        for (ColumnTranscoder element : elements) {
            element.readPrefix(in);
        }
    }

    @Override
    public void load(RowBinaryInput in, int rows) {
        for (ColumnTranscoder element : elements) {
            element.load(in, rows);
        }
    }

    @Override
    public void write(int index, RowChunk out) {
        for (ColumnTranscoder element : elements) {
            element.write(index, out);
        }
    }
}
