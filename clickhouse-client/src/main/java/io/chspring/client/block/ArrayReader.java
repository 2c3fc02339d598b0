package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.type.ClickHouseType;

/**
 * Array: one UInt64 per row, the running total of elements (the end offset of the row), then the elements of all
 * rows as one column. Map is sent as an array of (key, value) tuples, so it is read here too.
 */
final class ArrayReader implements NativeColumnReader {

    private final ClickHouseType type;
    private final NativeColumnReader[] inner;
    private final boolean map;

    private ArrayReader(ClickHouseType type, boolean map, NativeColumnReader... inner) {
        this.type = type;
        this.map = map;
        this.inner = inner;
    }

    static ArrayReader array(ClickHouseType type, NativeColumnReader element) {
        return new ArrayReader(type, false, element);
    }

    static ArrayReader map(ClickHouseType type, NativeColumnReader key, NativeColumnReader value) {
        return new ArrayReader(type, true, key, value);
    }

    @Override
    public void readPrefix(NativeInput in) {
        for (NativeColumnReader reader : inner) {
            reader.readPrefix(in);
        }
    }

    @Override
    public BlockColumn read(NativeInput in, String name, int rows) {
        int[] offsets = offsets(in, name, rows);
        int total = offsets[rows];
        if (map) {
            BlockColumn keys = inner[0].read(in, name + ".keys", total);
            BlockColumn values = inner[1].read(in, name + ".values", total);
            return new MapColumn(name, type, offsets, keys, values);
        }
        return new ArrayColumn(name, type, offsets, inner[0].read(in, name + ".elements", total));
    }

    private static int[] offsets(NativeInput in, String name, int rows) {
        long[] ends = in.readLongs(rows);
        int[] offsets = new int[rows + 1];
        long previous = 0;
        for (int i = 0; i < rows; i++) {
            long end = ends[i];
            if (end < previous || end > Integer.MAX_VALUE - 8) {
                throw new ClickHouseTransportException("malformed Native data: column '" + name + "' has array offset "
                        + Long.toUnsignedString(end) + " after " + previous + " at row " + i);
            }
            offsets[i + 1] = (int) end;
            previous = end;
        }
        return offsets;
    }
}
