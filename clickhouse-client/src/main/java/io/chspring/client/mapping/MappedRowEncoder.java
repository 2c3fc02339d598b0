package io.chspring.client.mapping;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.rowbinary.ValueCodec;
import io.chspring.client.type.ClickHouseColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes objects of a {@link RowType} as RowBinary rows for {@code INSERT INTO t (columns) FORMAT RowBinary}, one
 * value per {@link #columns() column}, in that order. Built once per (row type, table schema), validated before any
 * row is written. Getters are method handles called with their exact types; primitive properties are written
 * without boxing. Immutable and thread-safe.
 *
 * @param <T> the mapped class
 */
public final class MappedRowEncoder<T> {

    /**
     * One {@link RowBinaryOutput} per thread for {@link #encode(Object, OutputStream)}: the Inserter calls it once per
     * row, and a new output (with its buffer) per call was the largest allocation on that path.
     */
    private static final ThreadLocal<RetargetableOutput> SCRATCH = ThreadLocal.withInitial(RetargetableOutput::new);

    private final RowType<T> rowType;
    private final List<ClickHouseColumn> columns;
    private final ColumnWriter[] writers;
    private final String[] fieldNames;

    private MappedRowEncoder(RowType<T> rowType, List<ClickHouseColumn> columns, ColumnWriter[] writers,
            String[] fieldNames) {
        this.rowType = rowType;
        this.columns = columns;
        this.writers = writers;
        this.fieldNames = fieldNames;
    }

    /**
     * An encoder for inserts into a table with {@code table}'s columns.
     *
     * @throws ClickHouseSchemaException listing every problem when validation is on: a table column without a
     *     default that no property maps, a property without a table column, a property mapped to a MATERIALIZED or
     *     ALIAS column, a Java type the column cannot take; with validation off, only the last kind (unmatched
     *     properties and columns are left out)
     */
    public static <T> MappedRowEncoder<T> of(RowType<T> rowType, List<TableColumn> table, MappingOptions options) {
        boolean validate = options.validateSchema();
        SchemaProblems problems = new SchemaProblems("Cannot insert " + rowType.type().getName() + " into columns "
                + table.stream().map(TableColumn::column).toList());
        Map<String, TableColumn> byName = new HashMap<>();
        for (TableColumn c : table) {
            byName.put(c.name(), c);
        }
        List<ClickHouseColumn> columns = new ArrayList<>();
        List<ColumnWriter> writers = new ArrayList<>();
        List<String> fieldNames = new ArrayList<>();
        for (RowProperty p : rowType.properties()) {
            if (!p.insertable()) {
                continue;
            }
            TableColumn c = byName.get(p.column());
            if (c == null) {
                if (validate) {
                    problems.add("field '" + p.name() + "' (column '" + p.column() + "') has no column in the table");
                }
                continue;
            }
            if (!c.defaultKind().insertable()) {
                problems.add("column '" + c.name() + "' is " + c.defaultKind() + " and cannot be inserted; mark field '"
                        + p.name() + "' @ReadOnly");
                continue;
            }
            ValueCodec<?> codec = PropertyCodecs.codec(p, c.type(), options.codecOptions(), false, problems);
            if (codec != null) {
                columns.add(c.column());
                writers.add(ColumnWriter.of(codec, p));
                fieldNames.add(p.name());
            }
        }
        if (validate) {
            for (TableColumn c : table) {
                if (c.defaultKind() == TableColumn.DefaultKind.NONE && rowType.property(c.name()) == null) {
                    problems.add("table column '" + c.name() + "' " + c.type() + " has no field in "
                            + rowType.type().getSimpleName() + " and no default");
                }
            }
        }
        if (columns.isEmpty() && problems.isEmpty()) {
            problems.add("no field of " + rowType.type().getSimpleName() + " maps to a table column");
        }
        problems.throwIfAny();
        return new MappedRowEncoder<>(rowType, List.copyOf(columns), writers.toArray(ColumnWriter[]::new),
                fieldNames.toArray(String[]::new));
    }

    /** The row type. */
    public RowType<T> rowType() {
        return rowType;
    }

    /** The columns each row is written as, in order: the column list of the INSERT. */
    public List<ClickHouseColumn> columns() {
        return columns;
    }

    /** The names of {@link #columns()}. */
    public List<String> columnNames() {
        return columns.stream().map(ClickHouseColumn::name).toList();
    }

    /**
     * Writes one row to a stream; the method to pass where an {@code io.chspring.client.inserter.RowEncoder} is
     * wanted ({@code encoder::encode}). Does not close {@code out}.
     *
     * @throws ClickHouseSchemaException when a value does not fit its column, naming the column and the field
     */
    public void encode(T row, OutputStream out) {
        RetargetableOutput target = SCRATCH.get();
        target.out = out;
        try {
            write(target.rowBinary, row);
            target.rowBinary.flush();
        } catch (RuntimeException | Error e) {
            // the buffer may hold part of the row: never let it reach the next row's stream
            SCRATCH.remove();
            throw e;
        } finally {
            target.out = null;
        }
    }

    /**
     * Writes one row.
     *
     * @throws ClickHouseSchemaException when a value does not fit its column (null into a non-Nullable column, a
     *     number out of range), naming the column and the field
     */
    public void write(RowBinaryOutput out, T row) {
        Objects.requireNonNull(row, "row");
        ColumnWriter[] ws = writers;
        for (int i = 0; i < ws.length; i++) {
            try {
                ws[i].write(out, row);
            } catch (ClickHouseSchemaException e) {
                throw new ClickHouseSchemaException("column '" + columns.get(i).name() + "' (field '" + fieldNames[i]
                        + "' of " + rowType.type().getSimpleName() + "): " + e.getMessage(), e);
            } catch (ClickHouseException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new ClickHouseException("Reading column '" + columns.get(i).name() + "' from a "
                        + rowType.type().getName() + " failed: " + e, e);
            }
        }
    }

    /** A stream that forwards to whichever stream the current {@code encode} call was given. */
    private static final class RetargetableOutput extends OutputStream {
        final RowBinaryOutput rowBinary = new RowBinaryOutput(this, 256);
        OutputStream out;

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
