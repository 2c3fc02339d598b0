package io.chspring.client.mapping;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.BackslashEscapes;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the TabSeparated output of {@code DESCRIBE}: one line per column, the first three fields name, type and
 * default_type (18.16 has 5 fields, newer servers 7 or more). Fields are escaped the TSV way (quotes in Enum types
 * arrive as {@code \'}), see https://clickhouse.com/docs/interfaces/formats/TabSeparated.
 */
final class DescribeOutput {

    private DescribeOutput() {
    }

    /** The type field of each line, unescaped: the server's own text of each type. */
    static List<String> typeNames(String tsv) {
        List<String> types = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 3) {
                throw new ClickHouseSchemaException("Unexpected DESCRIBE output line: " + line);
            }
            types.add(BackslashEscapes.unescape(fields[1]));
        }
        return List.copyOf(types);
    }

    static List<TableColumn> parse(String tsv) {
        List<TableColumn> columns = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 3) {
                throw new ClickHouseSchemaException("Unexpected DESCRIBE output line: " + line);
            }
            columns.add(TableColumn.of(BackslashEscapes.unescape(fields[0]),
                    BackslashEscapes.unescape(fields[1]), BackslashEscapes.unescape(fields[2])));
        }
        return List.copyOf(columns);
    }
}
