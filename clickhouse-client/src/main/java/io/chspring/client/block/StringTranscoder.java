package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.rowbinary.RowBinaryInput;
import java.util.Arrays;

/** String: Native writes each value as RowBinary does (LEB128 length, bytes); the bytes are kept in one array. */
final class StringTranscoder implements ColumnTranscoder {

    private byte[] bytes = new byte[256];
    /** Where value i ends in {@link #bytes}; value i starts where value i - 1 ends. */
    private int[] ends = new int[0];

    @Override
    public void load(RowBinaryInput in, int rows) {
        if (ends.length < rows + 1) {
            ends = new int[rows + 1];
        }
        int size = 0;
        for (int i = 0; i < rows; i++) {
            int length = in.readLength();
            if (length > bytes.length - size) {
                long needed = (long) size + length;
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new ClickHouseTransportException("malformed Native data: a block of "
                            + "strings longer than 2 GiB in all");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L,
                        bytes.length * 2L)));
            }
            in.readFully(bytes, size, length);
            size += length;
            ends[i + 1] = size;
        }
    }

    @Override
    public void write(int index, RowChunk out) {
        int start = ends[index];
        int length = ends[index + 1] - start;
        out.writeVarLong(length);
        out.write(bytes, start, length);
    }
}
