package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * One column of a {@link Block}: its name, ClickHouse type and values, held in one array for the whole block. The
 * subclass tells the array: {@link LongColumn}, {@link IntColumn}, {@link ShortColumn}, {@link ByteColumn},
 * {@link DoubleColumn}, {@link FloatColumn}, {@link BooleanColumn} for numbers and Bool, {@link ObjectColumn} for
 * values that are objects anyway (String, BigDecimal, UUID, LocalDate, Instant...), {@link ArrayColumn},
 * {@link MapColumn} and {@link TupleColumn} for the nested types (offsets over flattened element columns, as in the
 * wire format). TYPES.md has the class per ClickHouse type.
 *
 * <p>A Nullable column has its NULL rows in {@link #nulls()}; its array holds the type's default value there (0,
 * {@code false}) or {@code null} in an object array. Columns are read-only views: the arrays they return are their
 * own and are not copied, so do not modify them.
 */
public abstract sealed class BlockColumn
        permits LongColumn, IntColumn, ShortColumn, ByteColumn, DoubleColumn, FloatColumn, BooleanColumn, ObjectColumn,
        ArrayColumn, MapColumn, TupleColumn {

    private final String name;
    /** Final once the column is published; {@link #retype} sets it while the reader still owns the column. */
    private ClickHouseType type;
    private final int size;
    private final @Nullable BitSet nulls;

    BlockColumn(String name, ClickHouseType type, int size, @Nullable BitSet nulls) {
        this.name = name;
        this.type = type;
        this.size = size;
        this.nulls = nulls == null || nulls.isEmpty() ? null : nulls;
    }

    /**
     * The column's name: the result column's, or for a nested column its parent's with a suffix
     * ({@code .elements} of an Array, {@code .keys} / {@code .values} of a Map, {@code .1}, {@code .2}... or the
     * element name of a Tuple).
     */
    public final String name() {
        return name;
    }

    /** The column's ClickHouse type as the server reported it. */
    public final ClickHouseType type() {
        return type;
    }

    /** The number of values (rows of the block, or elements of a nested column). */
    public final int size() {
        return size;
    }

    /** Whether the value at {@code row} is NULL. */
    public final boolean isNull(int row) {
        return nulls != null && nulls.get(row);
    }

    /** Whether any value is NULL. */
    public final boolean hasNulls() {
        return nulls != null;
    }

    /** The NULL rows: the column's own set (do not modify it), or a new empty one when there is none. */
    public final BitSet nulls() {
        return nulls == null ? new BitSet(0) : nulls;
    }

    /**
     * The value at {@code row} as an object: boxed for the primitive columns, a List for Array and Tuple, a Map for
     * Map; {@code null} for NULL. The Java types are the row API's defaults (TYPES.md), so UInt64 is a BigInteger
     * here although {@link LongColumn#values()} holds its bits. Allocates; loop over the array for speed.
     */
    public abstract @Nullable Object value(int row);

    /** This column with {@code nulls} as its NULL rows (the Nullable wrapper's null map). */
    abstract BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls);

    /**
     * The values at {@code indexes} (a LowCardinality column's dictionary positions), {@code nulls} marking the NULL
     * rows. Only scalar columns are dictionaries.
     */
    BlockColumn take(String name, ClickHouseType type, int[] indexes, @Nullable BitSet nulls) {
        throw new IllegalStateException(getClass().getSimpleName() + " cannot be a LowCardinality dictionary");
    }

    /** Reports {@code reported} (a geo type, SimpleAggregateFunction or Nested) for a column read by its layout type. */
    final BlockColumn retype(ClickHouseType reported) {
        this.type = reported;
        return this;
    }

    final void checkRow(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of column '" + name + "' with " + size + " values");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + " " + type + ", " + size + " values"
                + (nulls == null ? "" : ", " + nulls.cardinality() + " NULL") + "]";
    }
}
