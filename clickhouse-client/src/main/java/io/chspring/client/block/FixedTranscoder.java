package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.rowbinary.RowBinaryInput;

/**
 * Fixed-width values (numbers, dates, Decimal, UUID, IPs, Enums, FixedString): Native keeps them one after another,
 * each in the same bytes RowBinary writes, so a value is copied as it is.
 */
final class FixedTranscoder implements ColumnTranscoder {

    private final int width;
    private byte[] data = new byte[0];

    FixedTranscoder(int width) {
        this.width = width;
    }

    @Override
    public void load(RowBinaryInput in, int rows) {
        long n = (long) rows * width;
        if (n > Integer.MAX_VALUE - 8) {
            throw new ClickHouseTransportException("malformed Native data: a block of " + rows
                    + " values of " + width + " bytes is too large for a Java array");
        }
        if (data.length < n) {
            data = new byte[(int) n];
        }
        in.readFully(data, 0, (int) n);
    }

    @Override
    public void write(int index, RowChunk out) {
        out.write(data, index * width, width);
    }
}
