package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.insert.InsertFormat;
import io.chspring.client.insert.RawInsert;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.compression.FrameCodec;
import io.chspring.client.request.RequestContext;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link BatchSender} over a client's {@link RequestContext}: one {@code INSERT INTO table (columns) FORMAT RowBinary}
 * per attempt, streamed from the batch's payload (LZ4-framed when the client compresses request bodies).
 *
 * <p>Each attempt gets a fresh query id, {@code <dedup token>-<8 hex digits>}: the batch stays findable in
 * {@code system.query_log}, and a retry is not refused with code 216 while the server still runs the attempt
 * it lost the connection to. The dedup token goes as {@code insert_deduplication_token} only where the server
 * knows that setting (22.2 and later); 18.16 rejects any unknown setting with code 115, so there the token is
 * not sent and delivery is at-least-once.
 */
final class ClientBatchSender implements BatchSender {

    /** The setting that makes a MergeTree INSERT idempotent for a token (ClickHouse PR #32304, release 22.2). */
    static final String DEDUP_TOKEN_SETTING = "insert_deduplication_token";

    /** MEMORY_LIMIT_EXCEEDED: not retryable for a query in general, but for an insert batch it is, see below. */
    static final int MEMORY_LIMIT_EXCEEDED = 241;

    private final RequestContext context;

    ClientBatchSender(RequestContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * How the client frames request bodies, or {@code null} when it sends them plain: with a codec the inserter
     * compresses its batches while rows are appended ({@link BatchBuffer}), and their frames go out as they are.
     */
    FrameCodec frameCodec() {
        return context.compressesRequestBodies() ? context.requestCodec() : null;
    }

    @Override
    public ClickHouseObserver observer() {
        return context.observer();
    }

    @Override
    public void send(Batch batch) {
        List<String> types = batch.columnTypes();
        boolean typed = !types.isEmpty() && InsertFormat.typedHeader(context);
        if (!types.isEmpty() && !typed) {
            // No header check on this server: one DESCRIBE per batch is the price of never storing garbage
            InsertFormat.checkCurrent(context, batch.table(), batch.columns(), types, "Inserter for table '"
                    + batch.table() + "', batch " + batch.dedupToken() + " (" + batch.rows() + " rows)");
        }
        RawInsert insert = new RawInsert(context, batch.table()).format(InsertFormat.PLAIN).columns(batch.columns())
                .queryId(batch.dedupToken() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        if (context.capabilities().supportsInsertDeduplicationToken()) {
            insert.setting(DEDUP_TOKEN_SETTING, batch.dedupToken());
        }
        InsertFormat.asyncPolicy(context, insert, Map.of());
        byte[] header = typed ? InsertFormat.header(batch.columns(), types) : null;
        if (typed) {
            InsertFormat.typed(insert);
        }
        try {
            insert.sendBody(sink -> {
                if (header != null) {
                    InsertFormat.write(sink, header);
                }
                batch.writeBody(sink);
            });
        } catch (ClickHouseException e) {
            if (typed && InsertFormat.isSchemaMismatch(e)) {
                context.forget(batch.table());
                throw new ClickHouseSchemaException("Inserter for table '" + batch.table() + "': the server refused "
                        + "batch " + batch.dedupToken() + " (" + batch.rows() + " rows, nothing of it stored): the "
                        + "table's columns no longer match the types the rows were encoded for " + types
                        + " (altered since the inserter was built?); build the inserter again: " + e.getMessage(), e,
                        e.errorCode(), e.queryId(), false);
            }
            throw forInserter(e);
        }
    }

    /**
     * The error as the inserter should weigh it. A batch is bounded by {@code maxBytes}, so running out of memory
     * while inserting it (241) says the server is busy with other work (merges, big queries) far more often than
     * that the batch can never fit; retrying within the retry budget, then spooling, is the better bet than
     * spooling at once. Every other error keeps the client's classification ({@code ServerErrorCodes}).
     */
    static ClickHouseException forInserter(ClickHouseException e) {
        if (e.errorCode() == MEMORY_LIMIT_EXCEEDED && !e.isRetryable() && e instanceof ClickHouseServerException s) {
            ClickHouseServerException retryable = new ClickHouseServerException(s.serverMessage(), s.errorCode(),
                    s.errorName(), s.httpStatus(), s.queryId(), true);
            retryable.setStackTrace(s.getStackTrace());
            return retryable;
        }
        return e;
    }

    @Override
    public String toString() {
        return "ClientBatchSender[" + context.endpoint() + "]";
    }
}
