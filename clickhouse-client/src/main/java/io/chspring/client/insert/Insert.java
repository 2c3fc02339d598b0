package io.chspring.client.insert;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHousePartialInsertException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.compression.FrameCodec;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.mapping.UntypedRowEncoder;
import io.chspring.client.request.RequestContext;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.transport.BodySink;
import io.chspring.client.type.ClickHouseColumn;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming typed {@code INSERT INTO table (columns) FORMAT RowBinary}: {@link #write} encodes each row and streams
 * it in the request body (chunked, in constant memory), {@link #end()} completes the request and waits for the
 * server. Closing without {@code end()} aborts the request mid-body. The schema is validated against the class
 * before anything is sent. Used by one thread.
 *
 * <p>Small inserts take a light path: rows wait in one buffer until they pass {@value #LIGHT_LIMIT} bytes, and an
 * insert that ends below that (a single {@code repository.save(entity)}, say) is sent by {@code end()} on the calling
 * thread, in one frame of its own size when LZ4 applies: no thread, no 1 MiB block. A larger insert starts streaming
 * once it passes the limit: the body is written by a helper thread, and with LZ4 (the default) the calling thread
 * compresses, one 1 MiB block at a time, and the helper only sends the frames: one busy client thread, the other
 * cores left to the server (see {@code RowPipe}). Until an insert streams, the server sees nothing of it.
 *
 * <pre>{@code
 * try (Insert<Event> insert = client.insert("events", Event.class)) {
 *     events.forEach(insert::write);
 *     insert.end();
 * }
 * }</pre>
 *
 * <p><b>What is atomic.</b> Nothing beyond one block: the server stores an INSERT in blocks of
 * {@code max_insert_block_size} rows (1,048,576 by default) as they arrive, so an insert that fails, or is closed
 * without {@code end()}, after more rows than that keeps the blocks already stored ({@link #close()} cannot take
 * them back). An insert that fails after it started streaming throws {@link ClickHousePartialInsertException},
 * which says how many rows went out and is not retryable unless the insert has a {@link #deduplicationToken}; with
 * one, sending the same rows again with the same token stores each block once. For all-or-nothing per batch, use
 * the {@code Inserter}: its batches are bounded in size, kept until committed and retried with their token.
 *
 * <p><b>Schema.</b> Rows are encoded for the table's columns as cached by the client. On servers that check an
 * input header (21.10 and later) they go as {@code RowBinaryWithNamesAndTypes}, so rows encoded for a schema that
 * changed since are refused (a {@link ClickHouseSchemaException}, and the cache is dropped); on older servers each
 * insert reads the schema again first. Inserts never go through the server's async-insert queue unless
 * {@code async_insert=1} is set, see {@link InsertFormat#asyncPolicy}.
 *
 * <p>{@link #untyped} makes an insert of rows without a Java type ({@code Object[]}, {@code List}, {@code Map}).
 *
 * @param <T> the row class, or the row form of an untyped insert
 */
public final class Insert<T> implements AutoCloseable {

    /** The most encoded bytes an insert holds before it starts streaming; below it, {@code end()} sends in one go. */
    static final int LIGHT_LIMIT = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(Insert.class);

    private static final String DEDUP_TOKEN = "insert_deduplication_token";

    private final RequestContext context;
    private final String table;
    private final List<String> columns;
    /** The columns (name and type) the rows are encoded for, as the schema was read. */
    private final List<ClickHouseColumn> columnTypes;
    private final BiConsumer<RowBinaryOutput, T> encoder;
    /** Whether the rows go as RowBinaryWithNamesAndTypes, behind a header the server checks. */
    private final boolean typed;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private String queryId;
    private final RowScratch scratch = new RowScratch();
    private RowBinaryOutput scratchOut = new RowBinaryOutput(scratch, 256);
    private RowPipe pipe;
    private FutureTask<InsertSummary> request;
    private long rows;
    private boolean ended;
    private boolean closed;

    /**
     * An insert of {@code rowType} rows into {@code table}; asks the table's schema (cached per client) and checks it.
     *
     * @throws ClickHouseSchemaException listing every mismatch between the class and the table
     */
    public Insert(RequestContext context, String table, RowType<T> rowType, MappingOptions options) {
        this(context, table, MappedRowEncoder.of(rowType, schema(context, table),
                context.mappingOptions(options, Map.of())));
    }

    private Insert(RequestContext context, String table, MappedRowEncoder<T> encoder) {
        this(context, table, encoder.columnNames(), encoder.columns(), encoder::write);
    }

    private Insert(RequestContext context, String table, List<String> columns, List<ClickHouseColumn> columnTypes,
            BiConsumer<RowBinaryOutput, T> encoder) {
        this.context = Objects.requireNonNull(context, "context");
        this.table = Objects.requireNonNull(table, "table");
        this.columns = columns;
        this.columnTypes = columnTypes;
        this.encoder = encoder;
        this.typed = InsertFormat.typedHeader(context);
        if (typed) {
            byte[] header = InsertFormat.header(columns, InsertFormat.typeNames(columnTypes));
            scratch.write(header, 0, header.length);
        }
    }

    /**
     * An insert of rows without a Java type into {@code columns} of {@code table}: each row an {@code Object[]} or
     * {@code List} with one value per column, or a {@code Map} from column name to value (see
     * {@link UntypedRowEncoder}). Asks the table's schema (cached per client) and checks the columns against it.
     *
     * @throws ClickHouseSchemaException listing every problem of the column list
     */
    public static <R> Insert<R> untyped(RequestContext context, String table, List<String> columns,
            MappingOptions options) {
        Objects.requireNonNull(columns, "columns");
        UntypedRowEncoder encoder = UntypedRowEncoder.of(columns, schema(context, table),
                context.mappingOptions(options, Map.of()));
        return new Insert<>(context, table, encoder.columnNames(), encoder.columns(), encoder::write);
    }

    /**
     * The table's columns to encode for. A server that checks the header refuses rows encoded for a stale cached
     * schema; an older one would store them as garbage, so there the schema is asked again (one DESCRIBE per insert)
     * and the rows are encoded for what the table is now.
     */
    private static List<TableColumn> schema(RequestContext context, String table) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(table, "table");
        return InsertFormat.typedHeader(context) ? context.describeTable(table) : context.refreshSchema(table);
    }

    /** A ClickHouse setting for the INSERT request; call before the first row. */
    public Insert<T> setting(String name, Object value) {
        if (begun()) {
            throw new IllegalStateException("Settings must be set before the first row");
        }
        settings.put(name, value);
        return this;
    }

    /**
     * The query id of the INSERT request, as {@link RawInsert#queryId(String)}; a random UUID when not set. Call
     * before the first row.
     */
    public Insert<T> queryId(String id) {
        if (begun()) {
            throw new IllegalStateException("The query id must be set before the first row");
        }
        if (id == null || id.isBlank()) {
            throw new ClickHouseConfigurationException("queryId is blank");
        }
        this.queryId = id;
        return this;
    }

    /**
     * A deduplication token for this insert ({@code insert_deduplication_token}, ClickHouse 22.2 and later): the
     * server suffixes it per block, so sending the same rows in the same order again with the same token stores each
     * block once, which makes a retry after a {@link ClickHousePartialInsertException} safe. Deduplication needs a
     * Replicated table or a MergeTree table with {@code non_replicated_deduplication_window}. Call before the first
     * row.
     *
     * @throws ClickHouseConfigurationException on servers before 22.2, which reject the setting (there, Replicated
     *     tables deduplicate identical blocks by their hash without a token)
     */
    public Insert<T> deduplicationToken(String token) {
        if (begun()) {
            throw new IllegalStateException("The deduplication token must be set before the first row");
        }
        if (token == null || token.isBlank()) {
            throw new ClickHouseConfigurationException("deduplicationToken is blank");
        }
        if (!context.capabilities().supportsInsertDeduplicationToken()) {
            throw new ClickHouseConfigurationException("INSERT into " + table + ": insert_deduplication_token needs "
                    + "ClickHouse 22.2 or later, the server runs " + context.capabilities().version()
                    + "; Replicated tables there deduplicate identical blocks by their hash");
        }
        settings.put(DEDUP_TOKEN, token);
        return this;
    }

    /** Whether a row was written or the insert ended: the request is then fixed, streaming or not. */
    private boolean begun() {
        return rows > 0 || ended || request != null;
    }

    /** The columns of the INSERT, in the order rows are written. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Encodes and sends one row. A row that cannot be encoded is rejected whole (nothing of it is sent) and the
     * insert stays usable.
     *
     * @throws ClickHouseSchemaException when a value does not fit its column, naming the column and the field
     * @throws ClickHouseTransportException when the request already failed
     */
    public void write(T row) {
        if (ended || closed) {
            throw new IllegalStateException("This insert into " + table + " is " + (ended ? "ended" : "closed"));
        }
        int before = scratch.size();
        try {
            encoder.accept(scratchOut, row);
            scratchOut.flush();
        } catch (RuntimeException e) {
            scratch.truncate(before);
            scratchOut = new RowBinaryOutput(scratch, 256);
            if (e instanceof ClickHouseSchemaException) {
                throw new ClickHouseSchemaException("INSERT into " + table + ", row " + (rows + 1) + " (rejected; "
                        + rows + " rows before it are kept): " + e.getMessage(), e);
            }
            throw e;
        }
        if (request == null && scratch.size() <= LIGHT_LIMIT) {
            rows++;
            return; // still light: the rows wait for end() or for the limit
        }
        if (request == null) {
            start();
        }
        pipe.write(scratch.array(), 0, scratch.size());
        scratch.reset();
        rows++;
    }

    /** How many rows were written so far. */
    public long rowCount() {
        return rows;
    }

    /**
     * Completes the request and waits until the server stored the rows.
     *
     * @throws ClickHouseException the server's error, or the transport's
     */
    public InsertSummary end() {
        if (closed || ended) {
            throw new IllegalStateException("This insert into " + table + " is already " + (closed ? "closed" : "ended"));
        }
        ended = true;
        if (request == null) {
            return sendLight();
        }
        pipe.finish();
        return await();
    }

    /**
     * Aborts the request when {@link #end()} was not called. The server then stores none of the rows still in
     * flight, but keeps the blocks of {@code max_insert_block_size} rows it already stored (see the class comment).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (request != null && !ended) {
            log.warn("INSERT into {} closed without end() after {} rows were streamed; the server keeps the blocks "
                    + "of max_insert_block_size rows it already stored, so up to {} of them may be stored", table, rows,
                    rows);
            pipe.abort();
            try {
                request.get();
            } catch (ExecutionException e) {
                // expected: the abort makes the body, and so the request, fail
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sends the rows held so far on this thread, in one request: one LZ4 frame of their own size when the body is
     * compressed, else the plain bytes. Errors surface as a streaming insert's {@link #end()} reports them.
     */
    private InsertSummary sendLight() {
        byte[] held = scratch.array();
        int length = scratch.size();
        try {
            return rawInsert().sendBody(sink -> writeLight(sink, held, length));
        } catch (ClickHouseException e) {
            throw failed(e, false);
        } catch (RuntimeException e) {
            throw new ClickHouseTransportException("INSERT into " + table + " failed: " + e, e);
        }
    }

    private static void writeLight(BodySink sink, byte[] held, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (sink.framed()) {
            FrameCodec codec = sink.codec();
            byte[] frame = new byte[codec.maxFrameLength(length)];
            sink.frame(frame, 0, codec.frame(held, 0, length, frame, 0), length);
        } else {
            sink.plain().write(held, 0, length);
        }
    }

    private RawInsert rawInsert() {
        RawInsert raw = new RawInsert(context, table).format(InsertFormat.PLAIN).columns(columns);
        if (typed) {
            InsertFormat.typed(raw);
        }
        InsertFormat.asyncPolicy(context, raw, settings);
        raw.settings(settings);
        if (queryId != null) {
            raw.queryId(queryId);
        }
        return raw;
    }

    /**
     * The error as this insert reports it. A refused header means the cached schema is stale: it is forgotten, so
     * the next insert reads it again. A streamed insert may have had blocks stored before it failed: the error then
     * says how many rows went out, and is retryable only with a deduplication token.
     */
    /**
     * Whether a one-request insert that failed may still have been stored: unless the server answered with an error
     * (one block, refused whole) or the connection was never made, the request may have been committed and only its
     * answer lost (a reset, a timeout), and a plain retry would store the rows twice.
     */
    private static boolean mayHaveReachedTheServer(ClickHouseException e) {
        if (e instanceof ClickHouseServerException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return false;
            }
        }
        return true;
    }

    private ClickHouseException failed(ClickHouseException e, boolean streamed) {
        ClickHouseException error = e;
        if (InsertFormat.isSchemaMismatch(e)) {
            context.forget(table);
            error = new ClickHouseSchemaException("INSERT into " + table + " was refused: the rows do not fit the "
                    + "table's columns " + columnTypes + " any more (altered since the schema was read?); the "
                    + "cached schema was dropped, so the next insert reads it again: " + e.getMessage(), e,
                    e.errorCode(), e.queryId(), false);
        }
        if (rows == 0 || (!streamed && !mayHaveReachedTheServer(e))) {
            return error;
        }
        Object token = settings.get(DEDUP_TOKEN);
        return new ClickHousePartialInsertException("INSERT into " + table + " failed after " + rows + " rows were "
                + "sent; the server stores each block of max_insert_block_size rows as it arrives, so up to " + rows
                + " of them may be stored. " + (token == null
                        ? "Not retryable as is: check the table, or send with a deduplicationToken to make a resend safe"
                        : "Resending the same rows in the same order with the same deduplication token stores each "
                                + "block once") + ". Cause: " + error.getMessage(), error, rows,
                token == null ? null : token.toString());
    }

    private void start() {
        pipe = new RowPipe(context.compressesRequestBodies() ? context.requestCodec() : null);
        RawInsert raw = rawInsert();
        RowPipe body = pipe;
        request = new FutureTask<>(context.observer().inCurrentContext(() -> {
            Throwable failure = null;
            try {
                return raw.sendBody(body);
            } catch (Throwable e) {
                failure = e;
                throw e;
            } finally {
                body.readerDone(failure);
            }
        }));
        Thread thread = new Thread(request, "chspring-insert-" + table);
        thread.setDaemon(true);
        thread.start();
    }

    private InsertSummary await() {
        try {
            return request.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ClickHouseException ce) {
                throw failed(ce, true);
            }
            throw failed(new ClickHouseTransportException("INSERT into " + table + " failed: " + e.getCause(),
                    e.getCause()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipe.abort();
            throw new ClickHouseTransportException("Interrupted while waiting for the INSERT into " + table, e);
        }
    }
}
