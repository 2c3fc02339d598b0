package io.chspring.client.mapping;

import io.chspring.client.ClickHouseSchemaException;
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
            columns.add(TableColumn.of(unescape(fields[0]), unescape(fields[1]), unescape(fields[2])));
        }
        return List.copyOf(columns);
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            sb.append(switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case '0' -> '\0';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'a' -> '\007';
                case 'v' -> '\013';
                default -> e;
            });
        }
        return sb.toString();
    }
}
