package io.chspring.client.query;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.mapping.UntypedRowEncoder;
import io.chspring.client.rowbinary.RowBinaryOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A table sent with a query, ClickHouse's "external data for query processing": the query reads it like a temporary
 * table ({@code WHERE id IN ext}, {@code WHERE id IN (SELECT id FROM ext)}, {@code JOIN ext USING id}) and nothing is
 * created on the server. The data travels in the request's {@code multipart/form-data} body, streamed, with
 * {@code <name>_structure} and {@code <name>_format} in the URL.
 *
 * <pre>{@code
 * List<Event> mine = client.query("SELECT ?fields FROM events WHERE id IN ext")
 *         .externalTable(ExternalTable.of("ext", "id UInt64").rows(List.of(List.of(1L), List.of(7L))))
 *         .fetchAll(Event.class);
 * }</pre>
 *
 * <p>Rows and records are encoded as RowBinary, a format every server reads for external data (checked on 18.16:
 * binary safe, so strings with tabs, newlines or NUL need no escaping, and numbers keep every bit), with the row codec
 * of inserts. They are checked against the structure before anything is sent: a row with the wrong number of values or
 * a value that does not fit its column fails naming the table, the row and the column. A caller's stream goes as it is,
 * in the format it declares.
 *
 * <p>Immutable: each data method returns a new table. Only the HTTP transport can send external data; the embedded
 * engine refuses a query that has some, naming the table.
 */
public final class ExternalTable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String ROW_BINARY = "RowBinary";

    private final String name;
    private final String structure;
    private final List<TableColumn> columns;
    private final Source source;

    private ExternalTable(String name, String structure, List<TableColumn> columns, Source source) {
        this.name = name;
        this.structure = structure;
        this.columns = columns;
        this.source = source;
    }

    /**
     * A table named {@code name} (letters, digits, underscores) with the columns of {@code structure}, as in
     * {@code CREATE TABLE}: {@code "id UInt64, name String, tags Array(String)"}. It has no rows until one of the data
     * methods gives some.
     *
     * @throws ClickHouseConfigurationException naming the table and the structure when either is malformed
     */
    public static ExternalTable of(String name, String structure) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ClickHouseConfigurationException("external table name '" + name
                    + "' must be letters, digits and underscores, not starting with a digit");
        }
        List<TableColumn> columns = ExternalStructure.parse(name, structure);
        return new ExternalTable(name, structure.strip(), columns, Source.EMPTY);
    }

    /**
     * This table with {@code rows}: each an {@code Object[]} or {@code List} of one value per column in order, or a
     * {@code Map} from column name to value; values of the Java types a read gives for each column type (TYPES.md).
     * The rows are iterated once to check them, before the request is sent, and once more to send them (again on a
     * retry), so give a collection or another {@code Iterable} that yields the same rows each time.
     */
    public ExternalTable rows(Iterable<?> rows) {
        Objects.requireNonNull(rows, "rows");
        UntypedRowEncoder encoder;
        try {
            encoder = UntypedRowEncoder.of(columns.stream().map(TableColumn::name).toList(), columns,
                    MappingOptions.DEFAULT);
        } catch (ClickHouseSchemaException e) {
            throw new ClickHouseSchemaException("external table '" + name + "' (" + structure + "): " + e.getMessage(), e);
        }
        return new ExternalTable(name, structure, columns, new RowSource<>(name, rows, encoder::write));
    }

    /**
     * This table with {@code records} (records or POJOs of {@code type}, mapped by name as for inserts: every column
     * needs a field, every field a column), checked and sent like {@link #rows(Iterable)}.
     *
     * @throws ClickHouseSchemaException listing every mismatch between the type and the structure
     */
    public <T> ExternalTable records(Class<T> type, Iterable<? extends T> records) {
        Objects.requireNonNull(records, "records");
        MappedRowEncoder<T> encoder;
        try {
            encoder = MappedRowEncoder.of(RowType.of(type), columns, MappingOptions.DEFAULT);
        } catch (ClickHouseSchemaException e) {
            throw new ClickHouseSchemaException("external table '" + name + "' (" + structure + "): " + e.getMessage(), e);
        }
        return new ExternalTable(name, structure, columns, new RowSource<T>(name, records, encoder::write));
    }

    /**
     * This table with data from a stream in {@code format} (any input format the server reads for external data:
     * {@code TabSeparated}, {@code CSV}, {@code RowBinary}, {@code JSONEachRow}...), opened when the request is sent
     * and again if it is sent again, so the request stays re-sendable. Streamed as it is read, never held whole; the
     * client does not check its rows (the server does).
     */
    public ExternalTable data(String format, Supplier<? extends InputStream> stream) {
        Objects.requireNonNull(stream, "stream");
        return new ExternalTable(name, structure, columns, new StreamSource(name, checkFormat(format), stream, null));
    }

    /**
     * This table with data read once from {@code stream} in {@code format}. The request can then not be sent twice: a
     * connection lost after the body started to go out is not retried (the error says so); use
     * {@link #data(String, Supplier)} to make it re-sendable. The stream is closed after it was sent.
     */
    public ExternalTable data(String format, InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        return new ExternalTable(name, structure, columns,
                new StreamSource(name, checkFormat(format), () -> stream, new AtomicBoolean()));
    }

    /** The table's name in the SQL. */
    public String name() {
        return name;
    }

    /** The structure as given, for example {@code id UInt64, name String}. */
    public String structure() {
        return structure;
    }

    /** The input format of the data: {@code RowBinary} for rows and records. */
    public String format() {
        return source.format();
    }

    /** This table's structure without rows: for a request that only needs the columns ({@code DESCRIBE}). */
    ExternalTable withoutRows() {
        return new ExternalTable(name, structure, columns, Source.EMPTY);
    }

    /** Whether the data can be sent again (false for a one-shot stream). */
    boolean repeatable() {
        return source.repeatable();
    }

    /** Checks every row against the structure without sending anything. */
    void check() {
        source.check();
    }

    /** Writes the data. */
    void writeTo(OutputStream out) throws IOException {
        source.writeTo(out);
    }

    @Override
    public String toString() {
        return "ExternalTable[" + name + " (" + structure + "), " + source.format() + "]";
    }

    private static String checkFormat(String format) {
        if (format == null || !Pattern.matches("[A-Za-z][A-Za-z0-9_]*", format)) {
            throw new ClickHouseConfigurationException("invalid input format name '" + format + "'");
        }
        return format;
    }

    /** Where a table's bytes come from. */
    private interface Source {

        Source EMPTY = new Source() {
            @Override
            public void writeTo(OutputStream out) {
                // no rows
            }
        };

        void writeTo(OutputStream out) throws IOException;

        default void check() {
        }

        default String format() {
            return ROW_BINARY;
        }

        default boolean repeatable() {
            return true;
        }
    }

    /** Rows or records encoded as RowBinary by the insert codecs. */
    private static final class RowSource<T> implements Source {
        private final String table;
        private final Iterable<? extends T> rows;
        private final java.util.function.BiConsumer<RowBinaryOutput, T> encoder;

        RowSource(String table, Iterable<? extends T> rows, java.util.function.BiConsumer<RowBinaryOutput, T> encoder) {
            this.table = table;
            this.rows = rows;
            this.encoder = encoder;
        }

        @Override
        public void check() {
            encode(new RowBinaryOutput(OutputStream.nullOutputStream(), 8192));
        }

        @Override
        public void writeTo(OutputStream out) {
            RowBinaryOutput rowBinary = new RowBinaryOutput(out, 64 * 1024);
            encode(rowBinary);
            rowBinary.flush();
        }

        private void encode(RowBinaryOutput out) {
            long row = 0;
            for (T value : rows) {
                row++;
                try {
                    encoder.accept(out, value);
                } catch (ClickHouseSchemaException e) {
                    throw new ClickHouseSchemaException("external table '" + table + "', row " + row + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }

    /** A caller's stream in a declared format. */
    private static final class StreamSource implements Source {
        private final String table;
        private final String format;
        private final Supplier<? extends InputStream> stream;
        /** Set once a one-shot stream was read; {@code null} for a re-openable one. */
        private final AtomicBoolean used;

        StreamSource(String table, String format, Supplier<? extends InputStream> stream, AtomicBoolean used) {
            this.table = table;
            this.format = format;
            this.stream = stream;
            this.used = used;
        }

        @Override
        public String format() {
            return format;
        }

        @Override
        public boolean repeatable() {
            return used == null;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (used != null && !used.compareAndSet(false, true)) {
                throw new IllegalStateException("the stream of external table '" + table + "' was sent already and "
                        + "cannot be sent again; give ExternalTable.data(format, Supplier<InputStream>) to make it "
                        + "re-sendable");
            }
            InputStream in = stream.get();
            if (in == null) {
                throw new ClickHouseConfigurationException("the stream supplier of external table '" + table
                        + "' returned null");
            }
            try (in) {
                in.transferTo(out);
            }
        }
    }
}
