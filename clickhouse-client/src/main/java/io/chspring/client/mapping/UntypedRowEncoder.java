package io.chspring.client.mapping;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.RowBinaryCodecs;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.rowbinary.ValueCodec;
import io.chspring.client.type.ClickHouseColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes rows without a Java type, {@code Object[]}, {@code List<?>} or {@code Map<String, ?>}, as RowBinary for a
 * column list checked against the table when the encoder is made: unknown, duplicate and non-insertable columns, and
 * table columns without a default that the list leaves out, are refused together. Each value goes through the codec
 * of its column's type built once (the types' default Java classes, see TYPES.md), so a value that does not fit is
 * refused naming the column. Immutable and thread-safe.
 */
public final class UntypedRowEncoder {

    private final List<ClickHouseColumn> columns;
    private final List<String> names;
    private final ValueCodec<?>[] codecs;

    private UntypedRowEncoder(List<ClickHouseColumn> columns, ValueCodec<?>[] codecs) {
        this.columns = List.copyOf(columns);
        this.names = this.columns.stream().map(ClickHouseColumn::name).toList();
        this.codecs = codecs;
    }

    /**
     * An encoder of rows holding values for {@code columnNames}, in that order, into a table with {@code table}'s
     * columns.
     *
     * @throws ClickHouseSchemaException listing every problem of the column list
     */
    public static UntypedRowEncoder of(List<String> columnNames, List<TableColumn> table, MappingOptions options) {
        SchemaProblems problems = new SchemaProblems("Cannot insert rows of columns " + columnNames + " into columns "
                + table.stream().map(TableColumn::column).toList());
        if (columnNames.isEmpty()) {
            problems.add("no column was given");
        }
        Map<String, TableColumn> byName = new HashMap<>();
        for (TableColumn c : table) {
            byName.put(c.name(), c);
        }
        Set<String> seen = new HashSet<>();
        List<ClickHouseColumn> columns = new ArrayList<>();
        List<ValueCodec<?>> codecs = new ArrayList<>();
        for (String name : columnNames) {
            if (name == null) {
                problems.add("a column name is null");
                continue;
            }
            if (!seen.add(name)) {
                problems.add("column '" + name + "' is given twice");
                continue;
            }
            TableColumn c = byName.get(name);
            if (c == null) {
                problems.add("column '" + name + "' is not in the table");
                continue;
            }
            if (!c.defaultKind().insertable()) {
                problems.add("column '" + name + "' is " + c.defaultKind() + " and cannot be inserted");
                continue;
            }
            try {
                codecs.add(RowBinaryCodecs.codec(c.type(), Object.class, options.codecOptions()));
                columns.add(c.column());
            } catch (ClickHouseSchemaException e) {
                problems.add("column '" + name + "' " + c.type() + ": " + e.getMessage());
            }
        }
        if (options.validateSchema()) {
            for (TableColumn c : table) {
                if (c.defaultKind() == TableColumn.DefaultKind.NONE && !seen.contains(c.name())) {
                    problems.add("table column '" + c.name() + "' " + c.type() + " is missing and has no default");
                }
            }
        }
        problems.throwIfAny();
        return new UntypedRowEncoder(columns, codecs.toArray(ValueCodec<?>[]::new));
    }

    /** The columns each row is written as, in order: the column list of the INSERT. */
    public List<ClickHouseColumn> columns() {
        return columns;
    }

    /** The names of {@link #columns()}. */
    public List<String> columnNames() {
        return names;
    }

    /**
     * Writes one row: an {@code Object[]} or {@code List} with one value per column in order, or a {@code Map} from
     * column name to value with exactly the encoder's columns as keys ({@code null} values bind NULL).
     *
     * @throws ClickHouseSchemaException when the row has the wrong number of values or other keys, or a value does
     *     not fit its column; the message names the column
     */
    public void write(RowBinaryOutput out, Object row) {
        if (row instanceof Object[] values) {
            checkCount(values.length);
            for (int i = 0; i < codecs.length; i++) {
                writeValue(out, i, values[i]);
            }
        } else if (row instanceof List<?> values) {
            checkCount(values.size());
            for (int i = 0; i < codecs.length; i++) {
                writeValue(out, i, values.get(i));
            }
        } else if (row instanceof Map<?, ?> values) {
            checkKeys(values);
            for (int i = 0; i < codecs.length; i++) {
                writeValue(out, i, values.get(names.get(i)));
            }
        } else {
            throw new ClickHouseSchemaException("a row must be an Object[], a List or a Map, not "
                    + (row == null ? "null" : row.getClass().getName()));
        }
    }

    private void checkCount(int count) {
        if (count != codecs.length) {
            throw new ClickHouseSchemaException("the row has " + count + (count == 1 ? " value" : " values")
                    + " for the " + codecs.length + " columns " + names);
        }
    }

    private void checkKeys(Map<?, ?> row) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!row.containsKey(name)) {
                missing.add(name);
            }
        }
        List<Object> unknown = new ArrayList<>();
        if (row.size() != names.size() - missing.size()) {
            Set<String> known = new HashSet<>(names);
            for (Object key : row.keySet()) {
                if (!known.contains(key)) {
                    unknown.add(key);
                }
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ClickHouseSchemaException("the row's keys do not match the columns " + names
                    + (missing.isEmpty() ? "" : ": no value for " + missing)
                    + (unknown.isEmpty() ? "" : (missing.isEmpty() ? ": " : "; ") + "not a column of the insert: "
                            + unknown));
        }
    }

    private void writeValue(RowBinaryOutput out, int i, Object value) {
        try {
            codecs[i].write(out, value);
        } catch (ClickHouseSchemaException | ClassCastException | IllegalArgumentException e) {
            ClickHouseColumn column = columns.get(i);
            throw new ClickHouseSchemaException("column '" + column.name() + "' " + column.type() + ": "
                    + e.getMessage(), e);
        }
    }
}
