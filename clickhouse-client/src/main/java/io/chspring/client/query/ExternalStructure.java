package io.chspring.client.query;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.sql.TopLevelCommas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses an external table's structure, {@code name Type, name Type}, into columns with the client's type parser, so
 * that a typo fails before the request with the table named, not as a server error after the body went out. Commas
 * inside parentheses and quotes ({@code Map(String, UInt64)}, {@code Enum8('a,b' = 1)}) do not split columns.
 */
final class ExternalStructure {

    private ExternalStructure() {
    }

    static List<TableColumn> parse(String table, String structure) {
        if (structure == null || structure.isBlank()) {
            throw bad(table, structure, "it is empty");
        }
        List<TableColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int number = 0;
        for (String part : split(table, structure)) {
            number++;
            String column = part.strip();
            String name;
            String type;
            if (column.startsWith("`")) {
                int end = column.indexOf('`', 1);
                if (end < 0) {
                    throw bad(table, structure, "column " + number + " has an unclosed back quote");
                }
                name = column.substring(1, end);
                type = column.substring(end + 1).strip();
            } else {
                int space = indexOfSpace(column);
                name = space < 0 ? column : column.substring(0, space);
                type = space < 0 ? "" : column.substring(space + 1).strip();
            }
            if (name.isEmpty()) {
                throw bad(table, structure, "column " + number + " has no name");
            }
            if (type.isEmpty()) {
                throw bad(table, structure, "column " + number + " '" + name + "' has no type");
            }
            if (!names.add(name)) {
                throw bad(table, structure, "column '" + name + "' is given twice");
            }
            try {
                columns.add(TableColumn.of(name, type, ""));
            } catch (ClickHouseSchemaException e) {
                throw bad(table, structure, "column '" + name + "' has type '" + type + "' that does not parse: "
                        + e.getMessage());
            }
        }
        return List.copyOf(columns);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> split(String table, String structure) {
        try {
            return TopLevelCommas.split(structure);
        } catch (IllegalArgumentException e) {
            throw bad(table, structure, e.getMessage());
        }
    }

    private static ClickHouseConfigurationException bad(String table, String structure, String why) {
        return new ClickHouseConfigurationException("external table '" + table + "' has a bad structure '" + structure
                + "': " + why + " (expected 'name Type, name Type', for example 'id UInt64, name String')");
    }
}
