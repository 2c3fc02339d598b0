package io.chspring.test.mock;

import io.chspring.client.mapping.MappedRowDecoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.rowbinary.RowBinaryHeader;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.type.ClickHouseColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts an {@code INSERT ... FORMAT RowBinary} (or {@code RowBinaryWithNamesAndTypes}, whose header must match the
 * table as a modern server checks it) and decodes its rows back into objects of a mapped class with the
 * client's own row decoder, for {@link RecordHandle#rows()}. The column types come from the class (inferred, or
 * given with {@link #withColumnType}); while this handler is next in the queue, the mock answers the client's
 * {@code DESCRIBE TABLE} with them. Configure it before adding it.
 *
 * @param <T> the row class
 */
public final class RecordHandler<T> extends MockHandler<RecordHandle<T>> {

    private final RowType<T> rowType;
    private final Map<String, String> explicitTypes = new LinkedHashMap<>();
    private RowSchema<T> schema;
    private RecordHandle<T> handle;

    RecordHandler(RowType<T> rowType) {
        this.rowType = rowType;
    }

    /** The ClickHouse type of {@code column} (a column name, not a field name), instead of the inferred one. */
    public RecordHandler<T> withColumnType(String column, String clickHouseType) {
        explicitTypes.put(column, clickHouseType);
        return this;
    }

    /** A response header to send, replacing the mock's own of the same name. */
    public RecordHandler<T> withHeader(String name, String value) {
        header(name, value);
        return this;
    }

    @Override
    RecordHandle<T> prepare() {
        schema = RowSchema.of(rowType, explicitTypes);
        handle = new RecordHandle<>(describe());
        return handle;
    }

    @Override
    List<TableColumn> tableColumns() {
        return schema.tableColumns();
    }

    @Override
    void serve(Exchange exchange) throws IOException {
        Statements.Insert insert = exchange.hasData() ? Statements.insert(exchange.sql()) : null;
        if (insert == null) {
            throw new AssertionError(describe() + " expects INSERT INTO t [(columns)] FORMAT RowBinary with the rows "
                    + "in the body, but got " + exchange.describe());
        }
        boolean typed = insert.format().equals("RowBinaryWithNamesAndTypes");
        if (!typed && !insert.format().equals("RowBinary")) {
            throw new AssertionError(describe() + " decodes RowBinary, but " + exchange.describe() + " sends "
                    + insert.format() + "; use Handlers.recordRaw() and body()");
        }
        List<ClickHouseColumn> columns = columns(insert, exchange);
        byte[] body = exchange.data().readAllBytes();
        MappedRowDecoder<T> decoder = MappedRowDecoder.of(rowType, columns,
                // the INSERT leaves out @ReadOnly columns, which the class still reads: they keep their defaults
                MappingOptions.DEFAULT.withValidateSchema(false));
        RowBinaryInput in = RowBinaryInput.of(body);
        if (typed) {
            // what a modern server does with the header the client sends (input_format_with_types_use_header)
            List<ClickHouseColumn> header = RowBinaryHeader.read(in);
            if (!header.equals(columns)) {
                throw new AssertionError(exchange.describe() + " sends rows for " + header + ", but the table has "
                        + columns);
            }
        }
        List<T> rows = new ArrayList<>();
        while (in.hasMore()) {
            rows.add(decoder.read(in));
        }
        // recorded before answering: the test reads the handle as soon as the client has the answer
        handle.recorded(exchange, body, columns.stream().map(ClickHouseColumn::name).toList(), rows);
        exchange.ok(new byte[0], null, new Exchange.Summary(0, 0, rows.size(), body.length), headers());
    }

    /**
     * The INSERT's columns with their types: from the table the test registered with {@code mock.table(...)} when
     * there is one (the client encoded with what DESCRIBE said), else from the row class.
     */
    private List<ClickHouseColumn> columns(Statements.Insert insert, Exchange exchange) {
        List<TableColumn> registered = exchange.registeredTable(insert.table());
        List<TableColumn> table = registered != null ? registered : schema.tableColumns();
        if (insert.columns().isEmpty()) {
            return table.stream().filter(c -> c.defaultKind().insertable()).map(TableColumn::column).toList();
        }
        List<ClickHouseColumn> columns = new ArrayList<>();
        for (String name : insert.columns()) {
            ClickHouseColumn c = table.stream().filter(t -> t.name().equals(name)).map(TableColumn::column)
                    .findFirst().orElse(null);
            if (c == null || rowType.property(name) == null) {
                throw new AssertionError(exchange.describe() + " inserts column '" + name + "', which "
                        + (c == null ? "the table" : rowType.type().getSimpleName()) + " does not have");
            }
            columns.add(c);
        }
        return columns;
    }

    @Override
    String describe() {
        return "record(" + rowType.type().getSimpleName() + ")";
    }
}
