package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of RowBinaryWithNamesAndTypes: a LEB128 column count N, N names, N type names (all length-prefixed
 * strings), see https://clickhouse.com/docs/interfaces/formats/RowBinaryWithNamesAndTypes. With the server setting
 * {@code output_format_binary_encode_types_in_binary_format=1} the types come in the binary type encoding instead.
 */
public final class RowBinaryHeader {

    private RowBinaryHeader() {
    }

    /** Reads the header; an empty stream is a result with no columns at all, which the server never sends. */
    public static List<ClickHouseColumn> read(RowBinaryInput in) {
        return read(in, false);
    }

    /** Reads the header, its types as strings or (when {@code binaryTypes}) in the binary type encoding. */
    public static List<ClickHouseColumn> read(RowBinaryInput in, boolean binaryTypes) {
        int n = in.readLength();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = in.readString();
        }
        List<ClickHouseColumn> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            columns.add(ClickHouseColumn.of(names[i], binaryTypes ? BinaryTypes.decode(in) : in.readString()));
        }
        return List.copyOf(columns);
    }

    /** Writes the header for {@code columns}. */
    public static void write(RowBinaryOutput out, List<ClickHouseColumn> columns) {
        write(out, columns, false);
    }

    /** Writes the header, its types as strings or (when {@code binaryTypes}) in the binary type encoding. */
    public static void write(RowBinaryOutput out, List<ClickHouseColumn> columns, boolean binaryTypes) {
        out.writeVarLong(columns.size());
        for (ClickHouseColumn c : columns) {
            out.writeString(c.name());
        }
        for (ClickHouseColumn c : columns) {
            if (binaryTypes) {
                BinaryTypes.encode(c.type(), out);
            } else {
                out.writeString(c.type().toString());
            }
        }
    }
}
