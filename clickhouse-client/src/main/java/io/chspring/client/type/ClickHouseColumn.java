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

    // Written out instead of the record's generated method: the first generated equals/hashCode in a JVM bootstraps
    // java.lang.runtime.ObjectMethods, about 20 ms of a cold start, and a typed read hashes this on its first query
    // (issue 17, cold read). RecordEqualityTests checks that every component takes part.
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ClickHouseColumn c && name.equals(c.name) && type.equals(c.type);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + type.hashCode();
    }
}
