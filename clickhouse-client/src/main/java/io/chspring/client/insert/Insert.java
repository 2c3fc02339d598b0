package io.chspring.client.insert;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.compression.ClickHouseLz4OutputStream;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.request.RequestContext;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.transport.BodySink;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
 * <p>The server stores an INSERT in blocks of {@code max_insert_block_size} rows (1,048,576 by default) as they
 * arrive, so an insert aborted after more rows than that may leave the earlier blocks stored.
 *
 * @param <T> the row class
 */
public final class Insert<T> implements AutoCloseable {

    /** The most encoded bytes an insert holds before it starts streaming; below it, {@code end()} sends in one go. */
    static final int LIGHT_LIMIT = 64 * 1024;

    private final RequestContext context;
    private final String table;
    private final MappedRowEncoder<T> encoder;
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
        this.context = Objects.requireNonNull(context, "context");
        this.table = Objects.requireNonNull(table, "table");
        this.encoder = MappedRowEncoder.of(rowType, context.describeTable(table), options);
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

    /** Whether a row was written or the insert ended: the request is then fixed, streaming or not. */
    private boolean begun() {
        return rows > 0 || ended || request != null;
    }

    /** The columns of the INSERT, in the order rows are written. */
    public List<String> columns() {
        return encoder.columnNames();
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
            encoder.write(scratchOut, row);
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

    /** Aborts the request when {@link #end()} was not called, so the server stores none of its rows. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (request != null && !ended) {
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
            throw e;
        } catch (RuntimeException e) {
            throw new ClickHouseTransportException("INSERT into " + table + " failed: " + e, e);
        }
    }

    private static void writeLight(BodySink sink, byte[] held, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (sink.framed()) {
            byte[] frame = new byte[ClickHouseLz4OutputStream.maxFrameLength(length)];
            sink.frame(frame, 0, ClickHouseLz4OutputStream.frame(held, 0, length, frame, 0), length);
        } else {
            sink.plain().write(held, 0, length);
        }
    }

    private RawInsert rawInsert() {
        RawInsert raw = new RawInsert(context, table).format("RowBinary").columns(encoder.columnNames()).settings(settings);
        if (queryId != null) {
            raw.queryId(queryId);
        }
        return raw;
    }

    private void start() {
        pipe = new RowPipe(context.compressesRequestBodies());
        RawInsert raw = rawInsert();
        RowPipe body = pipe;
        request = new FutureTask<>(() -> {
            Throwable failure = null;
            try {
                return raw.sendBody(body);
            } catch (Throwable e) {
                failure = e;
                throw e;
            } finally {
                body.readerDone(failure);
            }
        });
        Thread thread = new Thread(request, "chspring-insert-" + table);
        thread.setDaemon(true);
        thread.start();
    }

    private InsertSummary await() {
        try {
            return request.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ClickHouseException ce) {
                throw ce;
            }
            throw new ClickHouseTransportException("INSERT into " + table + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipe.abort();
            throw new ClickHouseTransportException("Interrupted while waiting for the INSERT into " + table, e);
        }
    }
}
