package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;

/**
 * LowCardinality as the Native format sends it (ClickHouse {@code SerializationLowCardinality}): a UInt64 key version
 * (1) in the prefix; then per block a UInt64 of flags (the index width in the low byte, "has additional keys" and
 * "needs global dictionary" bits), the block's dictionary (a UInt64 count, then the keys as a column of the inner
 * type without Nullable; for Nullable, key 0 stands for NULL), and a UInt64 row count with one index per row. The
 * Native writer never uses a global dictionary (its maximum dictionary size is 0), so every key comes with the block.
 * The result is the inner type's column, the dictionary values copied by index (object columns share the
 * dictionary's objects): the dictionary is gone after decoding.
 */
final class LowCardinalityReader implements NativeColumnReader {

    private final ClickHouseType type;
    private final NativeColumnReader dictionary;
    private final boolean nullable;

    LowCardinalityReader(ClickHouseType type, NativeColumnReader dictionary, boolean nullable) {
        this.type = type;
        this.dictionary = dictionary;
        this.nullable = nullable;
    }

    @Override
    public void readPrefix(NativeInput in) {
        LowCardinalityWire.checkKeyVersion(in.raw().readLong(), type);
    }

    @Override
    public BlockColumn read(NativeInput in, String name, int rows) {
        if (rows == 0) {
            return dictionary.read(in, name, 0).take(name, type, new int[0], null);
        }
        long flags = in.raw().readLong();
        if (!LowCardinalityWire.keysInBlock(flags)) {
            throw new ClickHouseTransportException("column '" + name + "' (" + type + "): LowCardinality data with a "
                    + "global dictionary (flags 0x" + Long.toHexString(flags) + "), which the Native format does not "
                    + "send; set low_cardinality_allow_in_native_format=0 to receive plain values");
        }
        int keys = in.readCount("LowCardinality dictionary size");
        BlockColumn values = dictionary.read(in, name, keys);
        int count = in.readCount("LowCardinality row count");
        if (count != rows) {
            throw new ClickHouseTransportException("column '" + name + "' (" + type + "): LowCardinality data for "
                    + count + " rows in a block of " + rows);
        }
        int[] indexes = indexes(in, LowCardinalityWire.indexType(flags), rows);
        BitSet nulls = null;
        for (int i = 0; i < rows; i++) {
            int index = indexes[i];
            if (index < 0 || index >= keys) {
                throw new ClickHouseTransportException("column '" + name + "' (" + type + "): dictionary index "
                        + Integer.toUnsignedString(index) + " at row " + i + " of a dictionary of " + keys + " keys");
            }
            if (nullable && index == 0) {
                if (nulls == null) {
                    nulls = new BitSet(rows);
                }
                nulls.set(i);
            }
        }
        return values.take(name, type, indexes, nulls);
    }

    private int[] indexes(NativeInput in, int width, int rows) {
        return switch (width) {
            case 0 -> in.readUnsignedBytes(rows);
            case 1 -> {
                short[] raw = in.readShorts(rows);
                int[] out = new int[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = raw[i] & 0xFFFF;
                }
                yield out;
            }
            case 2 -> in.readInts(rows);
            case 3 -> {
                long[] raw = in.readLongs(rows);
                int[] out = new int[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = raw[i] < 0 || raw[i] > Integer.MAX_VALUE ? -1 : (int) raw[i];
                }
                yield out;
            }
            default -> throw new ClickHouseTransportException("malformed Native data: LowCardinality index type "
                    + width + " for a " + type + " column");
        };
    }
}
