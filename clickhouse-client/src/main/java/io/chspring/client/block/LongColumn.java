package io.chspring.client.block;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.math.BigInteger;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * A column of Int64, UInt32, UInt64 and Interval values, backed by one {@code long[]} for the block. UInt64 values
 * above {@link Long#MAX_VALUE} keep their bits and read as negative: see {@link #isUnsigned()} and
 * {@link Long#toUnsignedString(long)}.
 */
public final class LongColumn extends BlockColumn {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private final long[] values;
    private final boolean unsigned;

    LongColumn(String name, ClickHouseType type, long[] values, @Nullable BitSet nulls) {
        super(name, type, values.length, nulls);
        this.values = values;
        this.unsigned = Kinds.scalarKind(type) == ClickHouseKind.UINT64;
    }

    /** The values, one per row (0 at NULL rows); the column's own array, not a copy. */
    public long[] values() {
        return values;
    }

    /** The value at {@code row} (0 when it is NULL); for UInt64 the bits of the unsigned value. */
    public long get(int row) {
        return values[row];
    }

    /** Whether the column is UInt64, whose values are unsigned 64-bit numbers held in a signed {@code long}. */
    public boolean isUnsigned() {
        return unsigned;
    }

    /** The value at {@code row} boxed: a {@link BigInteger} for UInt64 (as the row API reads it), else a Long. */
    @Override
    public @Nullable Object value(int row) {
        checkRow(row);
        if (isNull(row)) {
            return null;
        }
        long v = values[row];
        if (!unsigned) {
            return v;
        }
        BigInteger big = BigInteger.valueOf(v);
        return v < 0 ? big.add(TWO_TO_64) : big;
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        return new LongColumn(name, type, values, nulls);
    }

    @Override
    BlockColumn take(String name, ClickHouseType type, int[] indexes, @Nullable BitSet nulls) {
        long[] out = new long[indexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[indexes[i]];
        }
        return new LongColumn(name, type, out, nulls);
    }
}
