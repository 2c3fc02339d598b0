package io.chspring.client.mapping;

import io.chspring.client.type.ClickHouseColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RowBinary values a real 18.16 server produced (golden/rowbinary/values-18.16.tsv), composed into rows. Types that
 * 18.16 lacks (Map, ...) and cases it was not asked for come from chDB 26.5 (values.tsv); an id in both files is
 * taken from the 18.16 one.
 */
final class Golden {

    record Value(String type, String hex) {
    }

    private static final Map<String, Value> VALUES = load("values-18.16.tsv");
    private static final Map<String, Value> MODERN = load("values.tsv");

    private Golden() {
    }

    private static Map<String, Value> load(String file) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/rowbinary/" + file)) {
            Map<String, Value> values = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("id\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                values.put(f[0], new Value(f[1], f[3]));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Value value(String id) {
        Value v = VALUES.containsKey(id) ? VALUES.get(id) : MODERN.get(id);
        if (v == null) {
            throw new IllegalArgumentException("no golden value " + id);
        }
        return v;
    }

    /** A row: pairs of (column name, golden id); the columns get the golden values' types. */
    static Row row(String... nameAndId) {
        List<ClickHouseColumn> columns = new ArrayList<>();
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < nameAndId.length; i += 2) {
            Value v = value(nameAndId[i + 1]);
            columns.add(ClickHouseColumn.of(nameAndId[i], v.type()));
            hex.append(v.hex());
        }
        return new Row(List.copyOf(columns), HexFormat.of().parseHex(hex));
    }

    record Row(List<ClickHouseColumn> columns, byte[] bytes) {
        List<TableColumn> table() {
            return columns.stream().map(c -> new TableColumn(c, TableColumn.DefaultKind.NONE)).toList();
        }
    }
}
