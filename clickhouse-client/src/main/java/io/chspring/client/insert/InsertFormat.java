package io.chspring.client.insert;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ServerCapabilities;
import io.chspring.client.compression.FrameCodec;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.request.RequestContext;
import io.chspring.client.transport.BodySink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How typed rows (an {@link Insert}'s, an inserter's batches) go to the server so that rows encoded for a schema
 * that changed since it was cached are refused instead of stored as garbage (a {@code UInt32} column altered to
 * {@code UInt64} would otherwise read two encoded values as one), and which async-insert settings they carry.
 *
 * <p>Chosen by server version: where the server compares an input header's types with the table's (21.10 and
 * later) the rows go as {@code RowBinaryWithNamesAndTypes} with the names and types they were encoded for, and the
 * server refuses a mismatch; older servers (18.16) read no such header, so the client asks {@code DESCRIBE TABLE}
 * again before it sends (one small query per insert or batch) and refuses a mismatch itself.
 *
 * <p>Internal: public only because the inserter lives in its own package.
 */
public final class InsertFormat {

    /** The format of typed rows when the server checks the header. */
    public static final String TYPED = "RowBinaryWithNamesAndTypes";

    /** The format of typed rows otherwise. */
    public static final String PLAIN = "RowBinary";

    private static final String ASYNC_INSERT = "async_insert";

    private InsertFormat() {
    }

    /** Whether typed rows go with a header the server checks (see the class comment). */
    public static boolean typedHeader(RequestContext context) {
        return context.capabilities().checksInsertHeaderTypes();
    }

    /**
     * The {@code RowBinaryWithNamesAndTypes} header: the number of columns as LEB128, then each name, then each
     * type, as RowBinary strings.
     */
    public static byte[] header(List<String> names, List<String> types) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " column names but " + types.size() + " types");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * (names.size() + 1));
        writeVarInt(out, names.size());
        for (String name : names) {
            writeString(out, name);
        }
        for (String type : types) {
            writeString(out, type);
        }
        return out.toByteArray();
    }

    /** The types of {@code columns} as the server prints them. */
    static List<String> typeNames(List<io.chspring.client.type.ClickHouseColumn> columns) {
        List<String> types = new ArrayList<>(columns.size());
        for (io.chspring.client.type.ClickHouseColumn column : columns) {
            types.add(column.type().toString());
        }
        return List.copyOf(types);
    }

    /**
     * Makes {@code insert} carry rows with a header: the format, and the two settings that make the server use the
     * header's names and compare its types, set explicitly because a user profile may have switched them off.
     */
    public static void typed(RawInsert insert) {
        insert.format(TYPED).setting("input_format_with_names_use_header", 1)
                .setting("input_format_with_types_use_header", 1);
    }

    /** Writes {@code bytes} into a body: one frame of their own when the body is framed, else plain. */
    public static void write(BodySink sink, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        if (sink.framed()) {
            FrameCodec codec = sink.codec();
            byte[] frame = new byte[codec.maxFrameLength(bytes.length)];
            sink.frame(frame, 0, codec.frame(bytes, 0, bytes.length, frame, 0), bytes.length);
        } else {
            sink.plain().write(bytes);
        }
    }

    /**
     * Keeps an insert out of the server's async-insert queue unless the user asked for async inserts. Since 26.3
     * {@code async_insert} is on by default; the queue acknowledges rows before they are in a part (unless
     * {@code wait_for_async_insert}) and ignores {@code insert_deduplication_token} (unless
     * {@code async_insert_deduplicate}), which would break what an insert and a retried batch promise. A user who
     * sets {@code async_insert=1} (client or request settings) gets it together with {@code wait_for_async_insert=1}
     * and {@code async_insert_deduplicate=1}, unless they set those too. Servers before 21.11 have no such setting
     * (18.16 rejects it with code 115) and are sent nothing.
     *
     * @param requestSettings the settings the request itself carries (they win over the client's)
     */
    public static void asyncPolicy(RequestContext context, RawInsert insert, Map<String, ?> requestSettings) {
        ServerCapabilities capabilities = context.capabilities();
        if (!capabilities.supportsAsyncInsert()) {
            return;
        }
        Map<String, Object> asked = new HashMap<>(context.settings());
        asked.putAll(requestSettings);
        Object async = asked.get(ASYNC_INSERT);
        if (async == null || !isTrue(async)) {
            insert.setting(ASYNC_INSERT, 0);
            return;
        }
        if (!asked.containsKey("wait_for_async_insert")) {
            insert.setting("wait_for_async_insert", 1);
        }
        if (!asked.containsKey("async_insert_deduplicate")) {
            insert.setting("async_insert_deduplicate", 1);
        }
    }

    private static boolean isTrue(Object value) {
        String text = String.valueOf(value).strip();
        return text.equals("1") || text.equalsIgnoreCase("true");
    }

    /**
     * Whether a server error says the rows did not fit the table's columns: a refused header (21.10+), or the
     * parse errors an altered column can cause. The schema cache is then refreshed.
     */
    public static boolean isSchemaMismatch(ClickHouseException e) {
        return switch (e.errorCode()) {
            // NO_SUCH_COLUMN_IN_TABLE, CANNOT_PARSE_INPUT_ASSERTION_FAILED, CANNOT_READ_ALL_DATA,
            // NOT_FOUND_COLUMN_IN_BLOCK, ILLEGAL_COLUMN, UNKNOWN_IDENTIFIER, TYPE_MISMATCH, INCORRECT_DATA,
            // THERE_IS_NO_COLUMN
            case 16, 27, 33, 10, 44, 47, 53, 117, 8 -> true;
            default -> false;
        };
    }

    /**
     * For servers that do not check a header: asks the table's columns again ({@code DESCRIBE TABLE}, which also
     * refreshes the client's schema cache) and fails when a column the rows were encoded for is gone or has another
     * type now. Nothing is sent then.
     *
     * @param what names the insert in the message ({@code "INSERT into t"}, {@code "Inserter for table 't', batch x"})
     */
    public static void checkCurrent(RequestContext context, String table, List<String> names, List<String> types,
            String what) {
        List<TableColumn> now = context.refreshSchema(table);
        Map<String, String> current = new HashMap<>();
        for (TableColumn column : now) {
            current.put(column.name(), column.type().toString());
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String type = current.get(names.get(i));
            if (type == null) {
                problems.add("column '" + names.get(i) + "' is gone");
            } else if (!type.equals(types.get(i))) {
                problems.add("column '" + names.get(i) + "' is " + type + " now, the rows were encoded for "
                        + types.get(i));
            }
        }
        if (!problems.isEmpty()) {
            throw new ClickHouseSchemaException(what + ": the table changed since its schema was read ("
                    + String.join("; ", problems) + "); nothing was sent");
        }
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeVarInt(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
