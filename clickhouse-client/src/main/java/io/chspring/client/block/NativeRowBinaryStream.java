package io.chspring.client.block;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.type.ClickHouseType;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A result in ClickHouse's {@code Native} format handed out as the RowBinary of the same rows, for a reader of
 * RowBinary that knows the result's columns: it sees exactly the bytes the server would have sent as RowBinary. Each
 * Native block over HTTP (18.16 as much as 26.x) repeats the column names and type texts; the first block's are
 * compared with the expected ones ({@link #firstBlockMatches()}) before any row is handed out, and every later block's
 * must equal them. One block is held at a time (its raw column data), and rows are transcoded lazily, a chunk of about
 * {@value #CHUNK} bytes at a time. Not thread-safe.
 *
 * <p>Only for columns whose every type {@link #transcodes(ClickHouseType) transcodes}. An error the server appends to
 * the data surfaces from {@code read} as the exception the source throws (the transport's error-tail check).
 * Closing this stream does not close the source: its owner (the response) does.
 */
public final class NativeRowBinaryStream extends InputStream {

    private static final int CHUNK = 64 * 1024;

    private final RowBinaryInput in;
    private final List<String> names;
    private final List<String> typeNames;
    private final ColumnTranscoder[] columns;
    private final RowChunk chunk = new RowChunk();
    private final byte[] one = new byte[1];
    private int handedOut;
    private int blockRows;
    private int nextRow;
    private long blocks;
    private long rowsRead;
    private boolean matched;
    private long rowsLimit = Long.MAX_VALUE;
    private @Nullable Runnable overLimit;
    private long firstBlockLimit = Long.MAX_VALUE;
    private boolean firstBlockTooLarge;

    /**
     * Reads the Native data {@code nativeData} of a result expected to have the columns {@code names} with the type
     * texts {@code typeNames} (exactly as the server prints them), parsed as {@code types}.
     *
     * @throws IllegalArgumentException when the lists differ in length or a type does not transcode
     */
    public NativeRowBinaryStream(InputStream nativeData, List<String> names, List<String> typeNames,
            List<ClickHouseType> types) {
        if (names.size() != typeNames.size() || names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " names, " + typeNames.size() + " type texts and "
                    + types.size() + " types");
        }
        this.in = new RowBinaryInput(nativeData, 64 * 1024);
        this.names = List.copyOf(names);
        this.typeNames = List.copyOf(typeNames);
        this.columns = new ColumnTranscoder[types.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ColumnTranscoders.of(types.get(i));
            if (columns[i] == null) {
                throw new IllegalArgumentException("column '" + names.get(i) + "' (" + typeNames.get(i)
                        + ") is of a type this stream does not transcode");
            }
        }
    }

    /**
     * Runs {@code action} once, when the blocks read so far hold more than {@code rows} rows (the block that passes the
     * mark is read, its rows not yet handed out). For a caller that chooses another way of reading for large results.
     */
    public NativeRowBinaryStream onRowsOver(long rows, Runnable action) {
        this.rowsLimit = rows;
        this.overLimit = action;
        return this;
    }

    /**
     * Makes {@link #firstBlockMatches()} refuse a first block of more than {@code rows} rows before loading any of its
     * data ({@link #firstBlockTooLarge()} then tells why): a block is held whole, and a caller with another way of
     * reading can keep its memory bounded.
     */
    public NativeRowBinaryStream firstBlockRowsAtMost(long rows) {
        this.firstBlockLimit = rows;
        return this;
    }

    /** Whether {@link #firstBlockMatches()} said {@code false} because the first block had too many rows. */
    public boolean firstBlockTooLarge() {
        return firstBlockTooLarge;
    }

    /** Whether values of {@code type} can be transcoded (see the package's golden tests for the layouts). */
    public static boolean transcodes(ClickHouseType type) {
        return ColumnTranscoders.of(type) != null;
    }

    /**
     * The bytes of one value of {@code type} when it is of fixed width, the same in Native and RowBinary (numbers,
     * dates, Decimal, UUID, IPs, Enums, FixedString); 0 for any other type.
     */
    public static int fixedWidth(ClickHouseType type) {
        return ColumnTranscoders.width(type);
    }

    /**
     * Reads the first block and tells whether its columns are the expected ones: the same number, names and type
     * texts, in order. An empty body (18.16 writes no block at all for an empty result) matches: there is no row to
     * decode wrongly. Call it once, before reading; after {@code false} the stream must not be read.
     */
    public boolean firstBlockMatches() {
        if (blocks > 0 || matched) {
            throw new IllegalStateException("the first block was read already");
        }
        matched = !in.hasMore() || readBlock(true);
        return matched;
    }

    @Override
    public int read() {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (!matched) {
            throw new IllegalStateException("firstBlockMatches() must be called, and be true, before reading");
        }
        if (len == 0) {
            return 0;
        }
        while (handedOut == chunk.size()) {
            if (!fillChunk()) {
                return -1;
            }
        }
        int n = Math.min(len, chunk.size() - handedOut);
        System.arraycopy(chunk.bytes(), handedOut, b, off, n);
        handedOut += n;
        return n;
    }

    /** Transcodes the next rows into the chunk, reading the next block when this one is done; false at the end. */
    private boolean fillChunk() {
        chunk.reset();
        handedOut = 0;
        while (nextRow == blockRows) {
            if (!in.hasMore()) {
                return false;
            }
            readBlock(false);
        }
        while (nextRow < blockRows && chunk.size() < CHUNK) {
            for (ColumnTranscoder column : columns) {
                column.write(nextRow, chunk);
            }
            nextRow++;
        }
        return true;
    }

    /** Reads a block, checking each column's name and type before its data; false when the first block differs. */
    private boolean readBlock(boolean first) {
        long columnCount = in.readVarLong();
        long rows = in.readVarLong();
        if (rows < 0 || rows > Integer.MAX_VALUE - 8) {
            throw new ClickHouseTransportException("malformed Native data: block row count "
                    + Long.toUnsignedString(rows) + " (is the result in Native format?)");
        }
        if (columnCount != columns.length) {
            return differs(first, columnCount + " columns");
        }
        if (first && rows > firstBlockLimit) {
            firstBlockTooLarge = true;
            return false;
        }
        for (int c = 0; c < columns.length; c++) {
            String name = in.readString();
            String typeName = in.readString();
            if (!name.equals(names.get(c)) || !typeName.equals(typeNames.get(c))) {
                return differs(first, "column " + (c + 1) + " '" + name + "' " + typeName);
            }
            // like the block reader: no prefix and no data for a column without rows
            if (rows > 0) {
                columns[c].readPrefix(in);
                columns[c].load(in, (int) rows);
            }
        }
        blocks++;
        rowsRead += rows;
        if (rowsRead > rowsLimit && overLimit != null) {
            Runnable action = overLimit;
            overLimit = null;
            action.run();
        }
        blockRows = (int) rows;
        nextRow = 0;
        return true;
    }

    private boolean differs(boolean first, String found) {
        if (first) {
            return false;
        }
        throw new ClickHouseTransportException("Native block " + (blocks + 1) + " has " + found
                + " where the first block had " + names + " " + typeNames);
    }
}
