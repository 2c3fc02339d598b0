package io.chspring.test.mock;

import io.chspring.client.block.NativeRowBinaryStream;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows written as RowBinary rewritten as one {@code Native} block, as 18.16 answers a repeated typed read (the client
 * checks the block's header against the columns it knows). Covers the types the client asks Native for on old servers:
 * fixed-width values, String, and Nullable, Array and Tuple of those; the client sends any other result to its
 * wrapper check, which the mock answers in RowBinary.
 */
final class NativeAnswer {

    private NativeAnswer() {
    }

    /** The Native block of {@code rows} rows of {@code columns}, given as their RowBinary; empty for no row. */
    static byte[] of(List<ClickHouseColumn> columns, byte[] rowBinary, int rows) {
        if (rows == 0) {
            return new byte[0]; // 18.16 writes no block at all for an empty result
        }
        RowBinaryInput in = RowBinaryInput.of(rowBinary);
        List<List<Object>> values = new ArrayList<>();
        columns.forEach(c -> values.add(new ArrayList<>(rows)));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                values.get(c).add(read(columns.get(c).type(), in));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rowBinary.length + 64);
        RowBinaryOutput out = new RowBinaryOutput(bytes, 8192);
        out.writeVarLong(columns.size());
        out.writeVarLong(rows);
        for (int c = 0; c < columns.size(); c++) {
            out.writeString(columns.get(c).name());
            out.writeString(columns.get(c).type().toString());
            write(columns.get(c).type(), values.get(c), out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** One value as a tree: bytes for a scalar, null or the value for Nullable, a list for Array and Tuple. */
    private static Object read(ClickHouseType type, RowBinaryInput in) {
        return switch (type.kind()) {
            case STRING -> in.readBinary();
            case NULLABLE -> in.readByte() != 0 ? null : read(type.child(), in);
            case ARRAY -> {
                int n = in.readLength();
                List<Object> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    elements.add(read(type.child(), in));
                }
                yield elements;
            }
            case TUPLE -> type.children().stream().map(t -> read(t, in)).toList();
            default -> in.readBytes(width(type));
        };
    }

    @SuppressWarnings("unchecked")
    private static void write(ClickHouseType type, List<Object> values, RowBinaryOutput out) {
        switch (type.kind()) {
            case STRING -> values.forEach(v -> out.writeBinary((byte[]) v));
            case NULLABLE -> {
                values.forEach(v -> out.writeByte(v == null ? 1 : 0));
                Object placeholder = placeholder(type.child());
                write(type.child(), values.stream().map(v -> v == null ? placeholder : v).toList(), out);
            }
            case ARRAY -> {
                List<Object> all = new ArrayList<>();
                for (Object v : values) {
                    all.addAll((List<Object>) v);
                    out.writeLong(all.size());
                }
                write(type.child(), all, out);
            }
            case TUPLE -> {
                for (int i = 0; i < type.children().size(); i++) {
                    int element = i;
                    write(type.children().get(i), values.stream().map(v -> ((List<Object>) v).get(element)).toList(),
                            out);
                }
            }
            default -> values.forEach(v -> out.writeBytes((byte[]) v));
        }
    }

    /** What a NULL row holds in the inner column; the server's is often the default, and the client skips it. */
    private static Object placeholder(ClickHouseType type) {
        return switch (type.kind()) {
            case STRING -> new byte[0];
            case ARRAY -> List.of();
            case TUPLE -> type.children().stream().map(NativeAnswer::placeholder).toList();
            default -> {
                byte[] filler = new byte[width(type)];
                Arrays.fill(filler, (byte) 0x5A); // not zero: a reader must never take it for a value
                yield filler;
            }
        };
    }

    private static int width(ClickHouseType type) {
        int width = NativeRowBinaryStream.fixedWidth(type);
        if (width == 0) {
            throw new IllegalStateException("the mock writes no Native column of type " + type + "; the client asks "
                    + "Native only for types it transcodes");
        }
        return width;
    }
}
