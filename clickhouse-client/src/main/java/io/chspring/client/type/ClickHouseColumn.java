package io.chspring.client.type;

import java.util.Objects;

/**
 * A column of a result or table: its name and type, as DESCRIBE or a RowBinaryWithNamesAndTypes header gives them.
 *
 * @param name the column name
 * @param type the column type
 */
public record ClickHouseColumn(String name, ClickHouseType type) {

    /** Validates the arguments. */
    public ClickHouseColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Parses {@code typeName}, naming the column in the error when it cannot. */
    public static ClickHouseColumn of(String name, String typeName) {
        try {
            return new ClickHouseColumn(name, ClickHouseType.parse(typeName));
        } catch (io.chspring.client.ClickHouseSchemaException e) {
            throw new io.chspring.client.ClickHouseSchemaException("column '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
