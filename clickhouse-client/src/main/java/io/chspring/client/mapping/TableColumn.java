package io.chspring.client.mapping;

import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseType;
import java.util.Locale;
import java.util.Objects;

/**
 * A column of a table as {@code DESCRIBE TABLE} reports it: name, type, and how the server fills it when an insert
 * leaves it out.
 *
 * @param column the name and type
 * @param defaultKind the {@code default_type} column of DESCRIBE
 */
public record TableColumn(ClickHouseColumn column, DefaultKind defaultKind) {

    /** How the server fills a column an insert does not name ({@code default_type} in DESCRIBE). */
    public enum DefaultKind {
        /** No default expression: the server writes the type's zero value, which mapping treats as a mistake. */
        NONE,
        /** {@code DEFAULT expr}: computed when the insert leaves the column out. */
        DEFAULT,
        /** {@code MATERIALIZED expr}: always computed; inserting a value is an error. */
        MATERIALIZED,
        /** {@code ALIAS expr}: not stored; inserting a value is an error. */
        ALIAS,
        /** {@code EPHEMERAL} (newer servers): insert-only, never stored or selected. */
        EPHEMERAL;

        /** Parses DESCRIBE's {@code default_type} text (empty for none). */
        public static DefaultKind parse(String text) {
            return text == null || text.isEmpty() ? NONE : valueOf(text.trim().toUpperCase(Locale.ROOT));
        }

        /** Whether an insert may give a value for the column. */
        public boolean insertable() {
            return this != MATERIALIZED && this != ALIAS;
        }
    }

    /** Validates the arguments. */
    public TableColumn {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(defaultKind, "defaultKind");
    }

    /** A column from one DESCRIBE row. */
    public static TableColumn of(String name, String type, String defaultType) {
        return new TableColumn(ClickHouseColumn.of(name, type), DefaultKind.parse(defaultType));
    }

    /** The columns of a {@code DESCRIBE TABLE ... FORMAT TabSeparated} (or {@code DESCRIBE (SELECT ...)}) answer. */
    public static java.util.List<TableColumn> parseDescribe(String tabSeparated) {
        return DescribeOutput.parse(tabSeparated);
    }

    /**
     * The type of each column of a {@code DESCRIBE} answer as the server wrote it (unescaped), in the order of
     * {@link #parseDescribe}: the text {@code toTypeName} also prints.
     */
    public static java.util.List<String> describeTypeNames(String tabSeparated) {
        return DescribeOutput.typeNames(tabSeparated);
    }

    /** The column name. */
    public String name() {
        return column.name();
    }

    /** The column type. */
    public ClickHouseType type() {
        return column.type();
    }
}
