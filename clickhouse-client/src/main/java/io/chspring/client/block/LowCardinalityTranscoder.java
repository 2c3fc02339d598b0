package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.rowbinary.RowBinaryInput;

/**
 * LowCardinality(T): Native sends the dictionary form (see {@link LowCardinalityReader} for the layout: a key version
 * in the prefix, then per block the index width and flags, the block's dictionary as a column of T without Nullable,
 * and one index per row), while RowBinary writes each row's value as T does. So a row is its dictionary key's
 * RowBinary; for LowCardinality(Nullable(T)) key 0 stands for NULL (flag 1) and every other key is written after a 0
 * flag. 18.16 and 26.x both send a fresh dictionary with every block (checked against both engines' bytes by the
 * golden tests), so only the current block's dictionary and indexes are held.
 */
final class LowCardinalityTranscoder implements ColumnTranscoder {

    private final ColumnTranscoder dictionary;
    private final boolean nullable;
    private final String type;
    private byte[] raw = new byte[0];
    private int[] indexes = new int[0];

    /** {@code dictionary} transcodes T without Nullable; {@code type} names the column's type in errors. */
    LowCardinalityTranscoder(ColumnTranscoder dictionary, boolean nullable, String type) {
        this.dictionary = dictionary;
        this.nullable = nullable;
        this.type = type;
    }

    @Override
    public void readPrefix(RowBinaryInput in) {
        LowCardinalityWire.checkKeyVersion(in.readLong(), type);
    }

    @Override
    public void load(RowBinaryInput in, int rows) {
        // the server writes nothing for no rows (an empty array's elements)
        if (rows == 0) {
            return;
        }
        long flags = in.readLong();
        if (!LowCardinalityWire.keysInBlock(flags)) {
            throw new ClickHouseTransportException("a " + type + " column's Native data uses a global dictionary "
                    + "(flags 0x" + Long.toHexString(flags) + "), which the Native format does not send");
        }
        int keys = count(in, "dictionary size");
        dictionary.load(in, keys);
        int count = count(in, "row count");
        if (count != rows) {
            throw new ClickHouseTransportException("malformed Native data: LowCardinality indexes for " + count
                    + " rows in a block of " + rows + " (" + type + ")");
        }
        int width = switch (LowCardinalityWire.indexType(flags)) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 4;
            case 3 -> 8;
            default -> throw new ClickHouseTransportException("malformed Native data: LowCardinality index type "
                    + LowCardinalityWire.indexType(flags) + " for a " + type + " column");
        };
        long n = (long) rows * width;
        if (n > Integer.MAX_VALUE - 8) {
            throw new ClickHouseTransportException("malformed Native data: " + rows + " LowCardinality indexes of "
                    + width + " bytes are too many for a Java array");
        }
        if (raw.length < n) {
            raw = new byte[(int) n];
        }
        if (indexes.length < rows) {
            indexes = new int[rows];
        }
        in.readFully(raw, 0, (int) n);
        for (int i = 0; i < rows; i++) {
            long index = index(i, width);
            if (index < 0 || index >= keys) {
                throw new ClickHouseTransportException("malformed Native data: LowCardinality index "
                        + Long.toUnsignedString(index) + " at row " + i + " of a dictionary of " + keys + " keys ("
                        + type + ")");
            }
            indexes[i] = (int) index;
        }
    }

    /** Index {@code i} of {@link #raw}: {@code width} bytes, unsigned little-endian. */
    private long index(int i, int width) {
        int at = i * width;
        long v = 0;
        for (int b = width - 1; b >= 0; b--) {
            v = (v << 8) | (raw[at + b] & 0xFF);
        }
        return v;
    }

    private int count(RowBinaryInput in, String what) {
        long n = in.readLong();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new ClickHouseTransportException("malformed Native data: LowCardinality " + what + " "
                    + Long.toUnsignedString(n) + " (" + type + ")");
        }
        return (int) n;
    }

    @Override
    public void write(int index, RowChunk out) {
        int key = indexes[index];
        if (nullable) {
            if (key == 0) {
                out.write(1);
                return;
            }
            out.write(0);
        }
        dictionary.write(key, out);
    }
}
