package io.chspring.client.block;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stream in ClickHouse's {@code Native} format block by block. Each block, as an HTTP server or chDB writes it
 * (no block info: that is only sent over the native TCP protocol): a LEB128 column count and row count, then per
 * column its name and type as length-prefixed strings and, when there are rows, the column's data in the layout of
 * its type. Only the current block is held; readers are built once per column and reused while the column's type
 * stays the same. Not thread-safe.
 */
public final class NativeBlockReader {

    private final NativeInput in;
    private final CodecOptions options;
    private ClickHouseColumn[] known = new ClickHouseColumn[0];
    private String[] typeNames = new String[0];
    private NativeColumnReader[] readers = new NativeColumnReader[0];

    /** Reads from {@code in}; {@code options} choose how DateTime and the other object values are read. */
    public NativeBlockReader(RowBinaryInput in, CodecOptions options) {
        this.in = new NativeInput(in);
        this.options = options;
    }

    /** Whether another block follows; an error the server appended to the data is thrown here. */
    public boolean hasNext() {
        return in.raw().hasMore();
    }

    /**
     * The next block.
     *
     * @throws ClickHouseSchemaException naming the column for a type the block reader does not read (JSON, Dynamic)
     * @throws ClickHouseTransportException when the stream ends inside the block or is not Native data
     */
    public Block next() {
        RowBinaryInput raw = in.raw();
        int columns = count(raw, "column count");
        int rows = count(raw, "row count");
        if (columns != known.length) {
            known = new ClickHouseColumn[columns];
            readers = new NativeColumnReader[columns];
            typeNames = new String[columns];
        }
        List<BlockColumn> read = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            String name = raw.readString();
            String typeName = raw.readString();
            ClickHouseColumn column = known[c];
            if (column == null || !column.name().equals(name) || !typeNames[c].equals(typeName)) {
                column = ClickHouseColumn.of(name, typeName);
                known[c] = column;
                typeNames[c] = typeName;
                readers[c] = ColumnReaders.of(name, column.type(), options);
            }
            // ClickHouse writes no data at all, not even a prefix, for a column without rows; every reader reads no
            // byte for 0 rows
            if (rows > 0) {
                readers[c].readPrefix(in);
            }
            read.add(readers[c].read(in, name, rows));
        }
        return new Block(rows, read);
    }

    private static int count(RowBinaryInput raw, String what) {
        long n = raw.readVarLong();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new ClickHouseTransportException("malformed Native data: block " + what + " "
                    + Long.toUnsignedString(n) + " at byte " + raw.position() + " (is the result in Native format?)");
        }
        return (int) n;
    }
}
