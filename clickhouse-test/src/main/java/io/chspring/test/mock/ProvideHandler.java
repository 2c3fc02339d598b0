package io.chspring.test.mock;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.mapping.RowProperty;
import io.chspring.client.mapping.RowType;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.RowBinaryCodecs;
import io.chspring.client.rowbinary.RowBinaryHeader;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.rowbinary.ValueCodec;
import io.chspring.client.type.ClickHouseColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a query with rows of a mapped class, encoded by the client's own codecs in the format the client asked
 * for: RowBinaryWithNamesAndTypes (the header names the class's columns and their types), RowBinary, or Native (one
 * block, as an 18.16 server answers a repeated typed read). Its columns are the class's readable properties in
 * declaration order, what {@code ?fields} selects. Configure it before adding it.
 *
 * @param <T> the row class
 */
public final class ProvideHandler<T> extends PlainHandler {

    private final RowType<T> rowType;
    private final List<T> rows;
    private final Map<String, String> explicitTypes = new LinkedHashMap<>();
    private List<ClickHouseColumn> columns;
    private ValueCodec<?>[] codecs;
    private MethodHandle[] getters;

    ProvideHandler(RowType<T> rowType, List<T> rows) {
        this.rowType = rowType;
        this.rows = List.copyOf(rows);
    }

    /** The ClickHouse type of {@code column} (a column name, not a field name), instead of the inferred one. */
    public ProvideHandler<T> withColumnType(String column, String clickHouseType) {
        explicitTypes.put(column, clickHouseType);
        return this;
    }

    /** A response header to send, replacing the mock's own of the same name (e.g. {@code X-ClickHouse-Query-Id}). */
    public ProvideHandler<T> withHeader(String name, String value) {
        header(name, value);
        return this;
    }

    @Override
    RequestHandle prepare() {
        columns = RowSchema.of(rowType, explicitTypes).readColumns();
        codecs = new ValueCodec<?>[columns.size()];
        getters = new MethodHandle[columns.size()];
        for (int i = 0; i < codecs.length; i++) {
            ClickHouseColumn c = columns.get(i);
            RowProperty p = rowType.property(c.name());
            if (p.getter() == null) {
                throw new ClickHouseSchemaException("Field '" + p.name() + "' of " + rowType.type().getName()
                        + " has no getter to provide column '" + c.name() + "' from");
            }
            Class<?> raw = p.javaClass();
            // a primitive written into a Nullable column is never NULL: write it boxed
            Type javaType = raw.isPrimitive() && c.type().isNullable() ? MethodType.methodType(raw).wrap().returnType()
                    : p.genericType();
            try {
                codecs[i] = RowBinaryCodecs.codec(c.type(), javaType, CodecOptions.DEFAULT);
            } catch (ClickHouseSchemaException e) {
                throw new ClickHouseSchemaException("column '" + c.name() + "' " + c.type() + " <-> field '" + p.name()
                        + "': " + e.getMessage(), e);
            }
            getters[i] = p.getter();
        }
        return super.prepare();
    }

    @Override
    List<ClickHouseColumn> resultColumns() {
        return columns;
    }

    @Override
    void serve(Exchange exchange) throws IOException {
        String format = exchange.outputFormat();
        boolean withHeader = format.equals("RowBinaryWithNamesAndTypes");
        boolean nativeBlock = format.equals("Native");
        if (!withHeader && !nativeBlock && !format.equals("RowBinary")) {
            throw new AssertionError(describe() + " answers RowBinary, RowBinaryWithNamesAndTypes or Native, but "
                    + exchange.describe() + " asks for " + format + "; use Handlers.provideText or provideBytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows.size() * 16);
        RowBinaryOutput out = new RowBinaryOutput(bytes, 8192);
        if (withHeader) {
            RowBinaryHeader.write(out, columns);
        }
        for (int r = 0; r < rows.size(); r++) {
            T row = rows.get(r);
            for (int i = 0; i < codecs.length; i++) {
                Object value = value(r, i, row);
                try {
                    codecs[i].write(out, value);
                } catch (ClickHouseSchemaException e) {
                    throw new ClickHouseSchemaException("row " + r + ", column '" + columns.get(i).name() + "': "
                            + e.getMessage(), e);
                }
            }
        }
        out.flush();
        served(exchange, new byte[0]);
        byte[] body = nativeBlock ? NativeAnswer.of(columns, bytes.toByteArray(), rows.size()) : bytes.toByteArray();
        exchange.ok(body, format, new Exchange.Summary(rows.size(), body.length, 0, 0), headers());
    }

    private Object value(int rowIndex, int column, T row) {
        try {
            return getters[column].invoke(row);
        } catch (ClickHouseException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new ClickHouseSchemaException("Reading column '" + columns.get(column).name() + "' of row "
                    + rowIndex + " failed: " + e, e);
        }
    }

    @Override
    String describe() {
        return "provide(" + rowType.type().getSimpleName() + ", " + rows.size() + " rows)";
    }
}
