package io.chspring.test.mock;

import io.chspring.client.mapping.TableColumn;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a column definition of a CREATE TABLE, {@code name Type [DEFAULT|MATERIALIZED|ALIAS|EPHEMERAL [expr]]}, into
 * the {@link TableColumn} DESCRIBE would report. The kind keyword counts only outside parentheses and quotes, so
 * {@code Enum8('DEFAULT' = 1)} stays a type.
 */
final class ColumnDefinition {

    private static final Set<String> KINDS = Set.of("DEFAULT", "MATERIALIZED", "ALIAS", "EPHEMERAL");

    private ColumnDefinition() {
    }

    static TableColumn parse(String table, String definition) {
        String d = definition == null ? "" : definition.strip();
        int space = d.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("Column '" + definition + "' of table " + table + " is not 'name Type'");
        }
        String name = d.substring(0, space);
        String rest = d.substring(space + 1).strip();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ' ' && depth == 0) {
                String kind = rest.substring(i + 1).strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                if (KINDS.contains(kind)) {
                    return TableColumn.of(name, rest.substring(0, i).strip(), kind);
                }
            }
        }
        return TableColumn.of(name, rest, "");
    }
}
