package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * A column of values that are objects in Java anyway (String, byte[] for FixedString, BigDecimal, BigInteger for
 * (U)Int128/256, UUID, InetAddress, LocalDate, Instant, Duration, Enum names, Variant values), backed by one
 * {@code Object[]} for the block, with {@code null} at NULL rows. The Java types are the row API's defaults
 * (TYPES.md), read with the same value codecs.
 */
public final class ObjectColumn extends BlockColumn {

    private final @Nullable Object[] values;

    ObjectColumn(String name, ClickHouseType type, @Nullable Object[] values, @Nullable BitSet nulls) {
        super(name, type, values.length, nulls);
        this.values = values;
    }

    /** The values, one per row ({@code null} at NULL rows); the column's own array, not a copy. */
    public @Nullable Object[] values() {
        return values;
    }

    /** The value at {@code row}, or {@code null}. */
    public @Nullable Object get(int row) {
        return values[row];
    }

    /**
     * The value at {@code row} as {@code javaType}, or {@code null}.
     *
     * @throws ClassCastException naming the column when the value is of another type
     */
    public <T> @Nullable T get(int row, Class<T> javaType) {
        Object v = values[row];
        if (v != null && !javaType.isInstance(v)) {
            throw new ClassCastException("column '" + name() + "' (" + type() + ") holds " + v.getClass().getName()
                    + ", not " + javaType.getName());
        }
        return javaType.cast(v);
    }

    @Override
    public @Nullable Object value(int row) {
        checkRow(row);
        return values[row];
    }

    @Override
    BlockColumn withNulls(String name, ClickHouseType type, BitSet nulls) {
        // the array was just read for this column and is not shared yet: the placeholder values become null in place
        for (int i = nulls.nextSetBit(0); i >= 0; i = nulls.nextSetBit(i + 1)) {
            values[i] = null;
        }
        return new ObjectColumn(name, type, values, nulls);
    }

    @Override
    BlockColumn take(String name, ClickHouseType type, int[] indexes, @Nullable BitSet nulls) {
        Object[] out = new Object[indexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[indexes[i]];
        }
        if (nulls != null) {
            for (int i = nulls.nextSetBit(0); i >= 0; i = nulls.nextSetBit(i + 1)) {
                out[i] = null;
            }
        }
        return new ObjectColumn(name, type, out, nulls);
    }
}
