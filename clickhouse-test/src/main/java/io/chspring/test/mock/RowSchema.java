package io.chspring.test.mock;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.mapping.RowProperty;
import io.chspring.client.mapping.RowType;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.type.ClickHouseColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ClickHouse columns a mock gives a row class: one per mapped property, typed by {@link ColumnTypes} unless the
 * test named a type. Built when the handler is added, so a type that cannot be inferred fails the test there, not
 * in the server thread.
 *
 * @param <T> the row class
 */
final class RowSchema<T> {

    private final RowType<T> rowType;
    private final Map<String, String> explicitTypes;
    private final List<TableColumn> columns;

    private RowSchema(RowType<T> rowType, Map<String, String> explicitTypes) {
        this.rowType = rowType;
        this.explicitTypes = explicitTypes;
        List<TableColumn> list = new ArrayList<>();
        for (RowProperty p : rowType.properties()) {
            String type = explicitTypes.get(p.column());
            if (type == null) {
                type = ColumnTypes.infer(p.column(), p.genericType());
            }
            TableColumn.DefaultKind kind = p.insertable() ? TableColumn.DefaultKind.NONE
                    : TableColumn.DefaultKind.MATERIALIZED;
            list.add(new TableColumn(ClickHouseColumn.of(p.column(), type), kind));
        }
        this.columns = List.copyOf(list);
    }

    /**
     * The schema of {@code rowType} with {@code explicitTypes} (column name to type name) where given.
     *
     * @throws ClickHouseConfigurationException when a type cannot be inferred, or an explicit type names a column
     *     the class does not map or does not parse
     */
    static <T> RowSchema<T> of(RowType<T> rowType, Map<String, String> explicitTypes) {
        for (String column : explicitTypes.keySet()) {
            if (rowType.property(column) == null) {
                throw new ClickHouseConfigurationException(rowType.type().getSimpleName() + " maps no property to column '"
                        + column + "'; its columns are " + rowType.properties().stream().map(RowProperty::column).toList());
            }
        }
        try {
            return new RowSchema<>(rowType, new LinkedHashMap<>(explicitTypes));
        } catch (ClickHouseSchemaException e) {
            throw new ClickHouseConfigurationException("Invalid column type for " + rowType.type().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Every mapped column, as DESCRIBE TABLE shows it: {@code @ReadOnly} properties as MATERIALIZED columns. */
    List<TableColumn> tableColumns() {
        return columns;
    }

    /** The columns a {@code SELECT ?fields} returns: the readable properties, in order. */
    List<ClickHouseColumn> readColumns() {
        List<String> names = rowType.readColumns();
        return columns.stream().map(TableColumn::column).filter(c -> names.contains(c.name())).toList();
    }
}
