package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of RowBinaryWithNamesAndTypes: a LEB128 column count N, N names, N type names (all length-prefixed
 * strings), see https://clickhouse.com/docs/interfaces/formats/RowBinaryWithNamesAndTypes. Types in the binary
 * type encoding ({@code output_format_binary_encode_types_in_binary_format=1}) are not supported.
 */
public final class RowBinaryHeader {

    private RowBinaryHeader() {
    }

    /** Reads the header; an empty stream is a result with no columns at all, which the server never sends. */
    public static List<ClickHouseColumn> read(RowBinaryInput in) {
        int n = in.readLength();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = in.readString();
        }
        List<ClickHouseColumn> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            columns.add(ClickHouseColumn.of(names[i], in.readString()));
        }
        return List.copyOf(columns);
    }

    /** Writes the header for {@code columns}. */
    public static void write(RowBinaryOutput out, List<ClickHouseColumn> columns) {
        out.writeVarLong(columns.size());
        for (ClickHouseColumn c : columns) {
            out.writeString(c.name());
        }
        for (ClickHouseColumn c : columns) {
            out.writeString(c.type().toString());
        }
    }
}
