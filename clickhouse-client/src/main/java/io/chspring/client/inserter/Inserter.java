package io.chspring.client.inserter;

import io.chspring.client.compression.FrameCodec;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.insert.RowScratch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects rows from many threads into RowBinary batches and inserts them in the background.
 *
 * <p>{@link #write} encodes the row at once (the buffer holds compact bytes, not objects) and never waits
 * for the network; it waits only when {@code maxBufferedBytes} are pending, up to {@code writeTimeout}.
 * A batch is sent when it reaches {@code maxRows} or {@code maxBytes}, or when its period has passed, by
 * one named daemon thread per inserter. Retryable failures are retried with exponential backoff and full
 * jitter within a time budget, each attempt with the same dedup token; a batch that still fails, or fails
 * with a non-retryable error, goes to the failure handler (by default spooled to disk, see
 * {@link SpoolDirectory} and {@link #replay}). Nothing accepted is dropped silently.
 *
 * <p>Delivery is at-least-once: exactly-once needs a server that honours {@code insert_deduplication_token}
 * (22.2 and later) so that a retried or replayed batch is stored once. On older servers (18.16) the token is
 * not sent, and a batch the server stored but could not acknowledge (connection reset after the commit) is
 * stored again by its retry or replay.
 *
 * <pre>{@code
 * Inserter<Event> inserter = client.inserter("events", Event.class)      // or (table, columns, RowEncoder)
 *         .maxRows(500_000).maxBytes(64 << 20).period(Duration.ofSeconds(1)).build();
 * inserter.write(event);                  // any thread; waits only when maxBufferedBytes are pending
 * InserterStats stats = inserter.flush(); // everything written before is committed (or flush throws)
 * inserter.close();                       // sends the rest, spools what is not committed within closeTimeout
 * Inserter.replay(spoolDirectory, client.batchSender()); // later: sends the spooled batches again
 * }</pre>
 *
 * @param <T> the row type
 */
public final class Inserter<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Inserter.class);

    private final InserterConfig config;
    private final RowEncoder<T> encoder;
    private final InserterScheduler scheduler;
    private final InstantSource clock;
    private final DoubleSupplier random;
    private final InserterMemory memory;
    private final InserterMetrics metrics = new InserterMetrics();
    private final BatchOutcomes outcomes;
    private final InserterSendLoop sendLoop;
    private final ReentrantLock lock = new ReentrantLock();
    /** Where batches compress their chunks when the sender sends LZ4 frames (else null); used under the lock. */
    private final FrameCodec frameCodec;
    private final byte[] frameScratch;
    private final Thread shutdownHook;
    private BatchBuffer current;
    private long sequence;
    private volatile boolean closed;

    Inserter(InserterConfig config, RowEncoder<T> encoder, BatchSender sender, InserterFailureHandler failureHandler,
            InserterListener listener, InstantSource clock, InserterScheduler scheduler, DoubleSupplier random) {
        this.config = config;
        this.encoder = encoder;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.memory = new InserterMemory(config.table(), config.maxBufferedBytes());
        this.outcomes = new BatchOutcomes(metrics, memory, listener, failureHandler, clock);
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), config.retryBudget(), random);
        this.sendLoop = new InserterSendLoop(sender, backoff, scheduler, clock, outcomes);
        this.frameCodec = sender instanceof ClientBatchSender c ? c.frameCodec() : null;
        this.frameScratch = frameCodec != null ? BatchBuffer.frameScratch(frameCodec) : null;
        if (config.shutdownHook()) {
            shutdownHook = new Thread(this::closeFromHook, "chspring-inserter-shutdown-" + config.table());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    /**
     * Starts building an inserter for {@code table}; {@code encoder} writes each row as RowBinary for
     * {@code columns}, and {@code sender} performs the INSERTs.
     */
    public static <T> InserterBuilder<T> builder(String table, List<String> columns, RowEncoder<T> encoder,
            BatchSender sender) {
        return new InserterBuilder<>(table, columns, encoder, sender);
    }

    /**
     * Sends the batches spooled in {@code directory} again, deleting each file only after it was committed; through a
     * client, pass {@code client.batchSender()}. On servers without {@code insert_deduplication_token} (before 22.2) a
     * batch that reached the server before it was spooled is stored twice.
     */
    public static SpoolReplayResult replay(Path directory, BatchSender sender) {
        return SpoolDirectory.of(directory).replay(sender);
    }

    /**
     * Encodes and buffers one row. Thread-safe; does no I/O. Throws {@link ClickHouseSchemaException} when
     * the row cannot be encoded (the batch is left as it was), {@link ClickHouseTimeoutException} when the
     * buffer stayed full for {@code writeTimeout}, and {@link IllegalStateException} after {@link #close()}.
     */
    public void write(T row) {
        Objects.requireNonNull(row, "row");
        ensureOpen();
        RowScratch scratch = RowScratch.acquire();
        try {
            encode(row, scratch);
            int length = scratch.size();
            memory.reserve(length, config.writeTimeout());
            boolean appended = false;
            lock.lock();
            try {
                if (closed) {
                    throw closedException();
                }
                append(scratch.array(), 0, length);
                appended = true;
                sealIfFull();
            } finally {
                lock.unlock();
                if (!appended) {
                    memory.release(length); // closed, or out of memory: the row was not taken, nor its room
                }
            }
        } catch (ClickHouseException e) {
            throw translated(e);
        } finally {
            scratch.release();
        }
    }

    /**
     * Encodes every row of {@code rows} first, then buffers them all: all or nothing at the buffer. A row that cannot
     * be encoded (or is null) leaves nothing of the call buffered and throws {@link ClickHouseSchemaException} naming
     * the row (1-based) and, from the codec, the column; a full buffer for {@code writeTimeout} throws
     * {@link ClickHouseTimeoutException}, also with nothing buffered. The rows then go to the server in one or more
     * batches like rows written one by one ({@code maxRows}, {@code maxBytes}), so all-or-nothing on the server holds
     * per batch, not per call. Holds the whole call's encoded rows in memory at once: pass bounded collections.
     */
    public void writeAll(Iterable<? extends T> rows) {
        Objects.requireNonNull(rows, "rows");
        ensureOpen();
        RowScratch scratch = new RowScratch();
        int[] ends = new int[16];
        int count = 0;
        try {
            for (T row : rows) {
                if (row == null) {
                    throw new ClickHouseSchemaException("Inserter for table '" + config.table() + "': writeAll: row "
                            + (count + 1) + " is null; nothing of this call was buffered");
                }
                try {
                    encode(row, scratch);
                } catch (ClickHouseSchemaException e) {
                    throw new ClickHouseSchemaException("Inserter for table '" + config.table() + "': writeAll: row "
                            + (count + 1) + " cannot be encoded; nothing of this call was buffered: " + e.getMessage(),
                            e);
                }
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, count * 2);
                }
                ends[count++] = scratch.size();
            }
            if (count == 0) {
                return;
            }
            int total = scratch.size();
            memory.reserve(total, config.writeTimeout());
            int start = 0;
            lock.lock();
            try {
                if (closed) {
                    throw closedException();
                }
                for (int i = 0; i < count; i++) {
                    append(scratch.array(), start, ends[i] - start);
                    start = ends[i];
                    sealIfFull();
                }
            } finally {
                lock.unlock();
                if (start < total) {
                    memory.release(total - start); // what was not appended (all of it when closed)
                }
            }
        } catch (ClickHouseException e) {
            throw translated(e);
        }
    }

    /** {@code e} as the builder's exception translator makes it (a Spring {@code DataAccessException}, say). */
    private RuntimeException translated(ClickHouseException e) {
        if (config.exceptionTranslator() == null) {
            return e;
        }
        RuntimeException translated = config.exceptionTranslator().apply(e);
        return translated != null ? translated : e;
    }

    private void encode(T row, RowScratch scratch) {
        try {
            encoder.encode(row, scratch);
        } catch (ClickHouseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ClickHouseSchemaException("Inserter for table '" + config.table()
                    + "': cannot encode row for columns " + config.columns() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends one encoded row to the open batch (opening one, or sealing a full one first); caller holds the lock.
     * Throws (out of memory) only before the row is in the batch, which is then as it was.
     */
    private void append(byte[] row, int offset, int length) {
        if (current != null && current.rows() > 0 && current.bytes() + length > config.maxBytes()) {
            seal();
        }
        if (current == null) {
            open();
        }
        long freed = current.appendRow(row, offset, length, frameScratch);
        if (freed != 0) {
            memory.release(freed);
        }
        metrics.rowBuffered();
    }

    /** Seals the open batch once it reached maxRows or maxBytes; caller holds the lock. */
    private void sealIfFull() {
        if (current.rows() >= config.maxRows() || current.bytes() >= config.maxBytes()) {
            seal();
        }
    }

    private void open() {
        long seq = ++sequence;
        BatchBuffer batch = new BatchBuffer(config.table(), config.columns(), seq,
                config.inserterId() + "-" + seq, clock.instant(), frameCodec);
        batch.columnTypes(config.columnTypes());
        batch.periodTimer(scheduler.schedule(() -> periodElapsed(seq), biasedPeriod()));
        current = batch;
    }

    /** {@code period * (1 + bias * u)} with {@code u} uniform in [-1, 1). */
    Duration biasedPeriod() {
        double factor = 1 + config.periodBias() * (2 * random.getAsDouble() - 1);
        return Duration.ofNanos((long) (config.period().toNanos() * factor));
    }

    private void periodElapsed(long seq) {
        lock.lock();
        try {
            if (current != null && current.sequence() == seq) {
                seal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Hands the open batch to the send loop; caller holds the lock. */
    private void seal() {
        BatchBuffer batch = current;
        if (batch != null) {
            // Sealed before it is let go: should compressing the last chunk fail (out of memory), the batch stays
            // open with its rows, instead of being dropped between the open slot and the send loop.
            long freed = batch.seal(frameScratch);
            current = null;
            if (freed != 0) {
                memory.release(freed);
            }
            batch.cancelPeriodTimer();
            sendLoop.submit(batch);
        }
    }

    /**
     * Sends everything written before this call and waits until it is committed. Throws a
     * {@link ClickHouseException} when a batch failed instead (it then went to the failure handler).
     */
    public InserterStats flush() {
        ensureOpen();
        List<BatchBuffer> waitFor = sealAndSnapshot();
        try {
            CompletableFuture.allOf(futures(waitFor)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException("Inserter for table '" + config.table() + "': interrupted in flush()", e);
        } catch (ExecutionException e) {
            throw translated(flushFailure(waitFor));
        }
        return stats();
    }

    private List<BatchBuffer> sealAndSnapshot() {
        lock.lock();
        try {
            // The open batch is taken before it is sealed: a sender that fails at once could otherwise decide it
            // (and drop it from the pending list) before the list is read, and flush() would miss its failure.
            List<BatchBuffer> pending = outcomes.pending();
            BatchBuffer open = current;
            seal();
            if (open != null) {
                pending.add(open);
            }
            return pending;
        } finally {
            lock.unlock();
        }
    }

    private ClickHouseException flushFailure(List<BatchBuffer> batches) {
        List<BatchBuffer> failed = batches.stream().filter(b -> b.done().isCompletedExceptionally()).toList();
        BatchBuffer first = failed.get(0);
        Throwable cause = first.done().handle((ok, error) -> error).join();
        return new ClickHouseException("Inserter for table '" + config.table() + "': " + failed.size() + " of "
                + batches.size() + " batches failed and went to the failure handler; first: batch "
                + first.dedupToken() + " (" + first.rows() + " rows): " + cause.getMessage(), cause);
    }

    private static CompletableFuture<?>[] futures(List<BatchBuffer> batches) {
        return batches.stream().map(BatchBuffer::done).toArray(CompletableFuture<?>[]::new);
    }

    /** A snapshot of the counters. */
    public InserterStats stats() {
        return metrics.snapshot(memory.used());
    }

    /**
     * Sends what is buffered and stops, waiting at most {@code closeTimeout}; batches not committed by then
     * go to the failure handler (spooled). Later writes throw {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        List<BatchBuffer> waitFor;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            seal();
            waitFor = outcomes.pending();
        } finally {
            lock.unlock();
        }
        awaitOrGiveUp(waitFor);
        scheduler.shutdown();
        removeShutdownHook();
    }

    private void awaitOrGiveUp(List<BatchBuffer> waitFor) {
        Duration timeout = config.closeTimeout();
        try {
            CompletableFuture.allOf(futures(waitFor)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return;
        } catch (ExecutionException e) {
            return; // failed batches were handed to the failure handler, which logged them
        } catch (TimeoutException e) {
            log.warn("Inserter for table '{}': pending batches not committed within closeTimeout {}; handing them "
                    + "to the failure handler", config.table(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Inserter for table '{}': interrupted in close(); handing pending batches to the failure "
                    + "handler", config.table());
        }
        ClickHouseException reason = new ClickHouseTimeoutException("Inserter for table '" + config.table()
                + "': batch not committed within closeTimeout " + timeout);
        for (BatchBuffer batch : outcomes.pending()) {
            outcomes.failed(batch, reason);
        }
    }

    /** The registered JVM shutdown hook, or {@code null} when disabled. */
    Thread shutdownHookThread() {
        return shutdownHook;
    }

    private void closeFromHook() {
        try {
            close();
        } catch (RuntimeException e) {
            log.error("Inserter for table '{}': close() in the JVM shutdown hook failed", config.table(), e);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs (or ran) and finds the inserter closed.
            log.debug("JVM shutting down; inserter shutdown hook left in place", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("Inserter for table '" + config.table() + "' is closed");
    }

    @Override
    public String toString() {
        return "Inserter[table=" + config.table() + ", id=" + config.inserterId() + "]";
    }
}
