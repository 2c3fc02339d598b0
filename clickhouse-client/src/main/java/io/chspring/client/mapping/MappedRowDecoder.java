package io.chspring.client.mapping;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.rowbinary.RowBinaryCodecs;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.type.ClickHouseColumn;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads RowBinary rows of a known column list as objects of a {@link RowType}. Built once per (row type, columns):
 * columns are matched to properties by name, so the result's column order need not be the class's. Each row is read
 * column by column into a small buffer of primitive and reference slots, then passed to the constructor (through a
 * generated class, {@link RowFactories}, or else a method handle) and setters (method handles), all built once; there
 * is no reflection and no boxing of primitive properties per row.
 * Immutable and thread-safe.
 *
 * @param <T> the mapped class
 */
public final class MappedRowDecoder<T> {

    private static final long[] NO_LONGS = {};
    private static final double[] NO_DOUBLES = {};
    private static final Object[] NO_REFS = {};

    private final RowType<T> rowType;
    private final List<ClickHouseColumn> columns;
    private final ColumnReader[] readers;
    /** Makes each row; {@code null} when no class could be generated, and then {@link #constructor} does. */
    private final RowFactories.@Nullable Factory factory;
    /** The constructor's handle over the row buffer; {@code null} when {@link #factory} makes the rows. */
    private final @Nullable MethodHandle constructor;
    private final MethodHandle[] setters;
    private final int longs;
    private final int doubles;
    private final int refs;

    private MappedRowDecoder(RowType<T> rowType, List<ClickHouseColumn> columns, ColumnReader[] readers,
            RowFactories.@Nullable Factory factory, @Nullable MethodHandle constructor, MethodHandle[] setters, Slots slots) {
        this.rowType = rowType;
        this.columns = columns;
        this.readers = readers;
        this.factory = factory;
        this.constructor = constructor;
        this.setters = setters;
        this.longs = slots.count(Slots.LONG);
        this.doubles = slots.count(Slots.DOUBLE);
        this.refs = slots.count(Slots.REF);
    }

    /**
     * A decoder for rows of {@code columns} (in the order the rows hold them).
     *
     * @throws ClickHouseSchemaException listing every problem when validation is on: a column without a property,
     *     a property without a column, a Java type that cannot hold its column's values; with validation off, only
     *     the last kind
     */
    public static <T> MappedRowDecoder<T> of(RowType<T> rowType, List<ClickHouseColumn> columns, MappingOptions options) {
        return of(rowType, columns, options, ReadFormats.NONE);
    }

    /**
     * A decoder for rows of {@code columns} whose properties of open Java types ({@code Object}, {@code List<Object>},
     * {@code Map<String, Object>}) take the Java types {@code formats} choose; a property's declared type wins.
     *
     * @throws io.chspring.client.ClickHouseConfigurationException when a format names a column the result does not
     *     have, or does not apply to its column's type
     */
    public static <T> MappedRowDecoder<T> of(RowType<T> rowType, List<ClickHouseColumn> columns, MappingOptions options,
            ReadFormats formats) {
        formats.checkColumns(columns);
        List<ClickHouseColumn> cols = List.copyOf(columns);
        boolean validate = options.validateSchema();
        SchemaProblems problems = new SchemaProblems("Cannot read rows of " + cols + " as "
                + rowType.type().getName());
        Slots slots = new Slots();
        MethodHandle ctor = rowType.constructor();
        int[] ctorSlots = new int[ctor.type().parameterCount()];
        for (int i = 0; i < ctorSlots.length; i++) {
            ctorSlots[i] = slots.allocate(ctor.type().parameterType(i));
        }
        ColumnReader[] readers = new ColumnReader[cols.size()];
        List<MethodHandle> setters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < readers.length; i++) {
            ClickHouseColumn column = cols.get(i);
            RowProperty p = rowType.property(column.name());
            if (!seen.add(column.name())) {
                problems.add("column '" + column.name() + "' appears twice in the result");
                continue;
            }
            if (p == null || !p.readable()) {
                if (validate) {
                    problems.add("column '" + column.name() + "' " + column.type() + (p == null
                            ? " has no field in " + rowType.type().getSimpleName()
                            : " maps to field '" + p.name() + "', which has neither a constructor parameter nor a setter"
                                    + " (a final field?)"));
                } else {
                    readers[i] = ColumnReader.skip(RowBinaryCodecs.codec(column.type(), Object.class,
                            options.codecOptions()));
                }
                continue;
            }
            var codec = PropertyCodecs.codec(p, column, options.codecOptions(), true, problems, formats);
            if (codec == null) {
                continue;
            }
            int slot;
            if (p.constructorParameter() >= 0) {
                slot = ctorSlots[p.constructorParameter()];
            } else {
                slot = slots.allocate(p.javaClass());
                setters.add(Slots.setterAdapter(p.setter(), slot));
            }
            readers[i] = ColumnReader.of(codec, p.javaClass(), slot);
        }
        if (validate) {
            for (RowProperty p : rowType.properties()) {
                if (p.readable() && !seen.contains(p.column())) {
                    problems.add("field '" + p.name() + "' (column '" + p.column() + "') has no column in the result");
                }
            }
        }
        problems.throwIfAny();
        RowFactories.Factory factory = rowType.factory(ctorSlots);
        return new MappedRowDecoder<>(rowType, cols, readers, factory,
                factory != null ? null : Slots.constructorAdapter(ctor, ctorSlots),
                setters.toArray(MethodHandle[]::new), slots);
    }

    /** Whether rows are made by a generated class rather than through the constructor's method handle (tests). */
    boolean generatedFactory() {
        return factory != null;
    }

    /** The row type. */
    public RowType<T> rowType() {
        return rowType;
    }

    /** The columns each row holds, in order. */
    public List<ClickHouseColumn> columns() {
        return columns;
    }

    /**
     * Reads one row; the caller checks {@link RowBinaryInput#hasMore()} first.
     *
     * @throws ClickHouseSchemaException when a value cannot be read as its property's type, naming the column
     */
    public T read(RowBinaryInput in) {
        long[] l = longs == 0 ? NO_LONGS : new long[longs];
        double[] d = doubles == 0 ? NO_DOUBLES : new double[doubles];
        Object[] r = refs == 0 ? NO_REFS : new Object[refs];
        ColumnReader[] rs = readers;
        for (int i = 0; i < rs.length; i++) {
            try {
                rs[i].read(in, l, d, r);
            } catch (ClickHouseSchemaException e) {
                throw new ClickHouseSchemaException("column '" + columns.get(i).name() + "': " + e.getMessage(), e);
            }
        }
        try {
            RowFactories.Factory f = factory;
            Object row = f != null ? f.create(l, d, r) : (Object) constructor.invokeExact(l, d, r);
            for (MethodHandle setter : setters) {
                setter.invokeExact(row, l, d, r);
            }
            @SuppressWarnings("unchecked")
            T t = (T) row;
            return t;
        } catch (ClickHouseException | Error e) {
            throw e;
        } catch (Throwable e) {
            // the class's own constructor or setter refused the values (a record's compact constructor check)
            throw new ClickHouseException("Creating a " + rowType.type().getName() + " from a row failed: " + e, e);
        }
    }
}
