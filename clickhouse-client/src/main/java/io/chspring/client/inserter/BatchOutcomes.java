package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;
import io.chspring.client.observation.BatchOutcome;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what became of each sealed batch, exactly once: committed, or handed to the failure handler.
 * Either way its bytes leave the memory cap, the counters move, the listener hears of it, and whoever
 * waits in {@code flush()} is released.
 */
final class BatchOutcomes {

    private static final Logger log = LoggerFactory.getLogger(BatchOutcomes.class);

    private final ConcurrentLinkedQueue<BatchBuffer> pending = new ConcurrentLinkedQueue<>();
    private final InserterMetrics metrics;
    private final InserterMemory memory;
    private final InserterListener listener;
    private final InserterFailureHandler failureHandler;
    private final InstantSource clock;

    BatchOutcomes(InserterMetrics metrics, InserterMemory memory, InserterListener listener,
            InserterFailureHandler failureHandler, InstantSource clock) {
        this.metrics = metrics;
        this.memory = memory;
        this.listener = listener;
        this.failureHandler = failureHandler;
        this.clock = clock;
    }

    void sealed(BatchBuffer batch) {
        pending.add(batch);
    }

    /** The batches sealed but not yet decided, oldest first. */
    List<BatchBuffer> pending() {
        return new ArrayList<>(pending);
    }

    void committed(BatchBuffer batch) {
        if (!batch.claim()) {
            // close() gave up on this batch while it was on the wire and already handed it to the failure
            // handler; the spooled copy carries the same dedup token, so a replay is deduplicated on servers
            // that support insert_deduplication_token.
            log.warn("Inserter for table '{}': batch {} was committed after it had been handed to the "
                    + "failure handler at close; replaying it may store its {} rows twice on servers without "
                    + "insert_deduplication_token", batch.table(), batch.dedupToken(), batch.rows());
            return;
        }
        metrics.committed(batch, clock.instant());
        finish(batch);
        batch.committed();
        InserterStats stats = metrics.snapshot(memory.used());
        notifyListener(() -> listener.onCommit(batch, stats));
    }

    /** An attempt failed and another one is scheduled. */
    void willRetry(BatchBuffer batch, ClickHouseException error) {
        metrics.retried();
        notifyListener(() -> listener.onFailure(batch, error, true));
    }

    /**
     * Hands the batch to the failure handler unless its outcome was already decided, and tells {@code decided} which of
     * the three it was: kept by the handler, lost, or decided before (by {@code close()}).
     */
    void failed(BatchBuffer batch, ClickHouseException error, Consumer<BatchOutcome> decided) {
        if (!batch.claim()) {
            decided.accept(BatchOutcome.ABANDONED_AT_CLOSE);
            return;
        }
        notifyListener(() -> listener.onFailure(batch, error, false));
        boolean kept = false;
        try {
            failureHandler.handle(batch, error);
            kept = true;
        } catch (RuntimeException handlerError) {
            handlerError.addSuppressed(error);
            log.error("Inserter for table '{}': LOST batch {} ({} rows, {} bytes): it failed with [{}] and the "
                    + "failure handler could not keep it", batch.table(), batch.dedupToken(), batch.rows(),
                    batch.bytes(), error.getMessage(), handlerError);
        } finally {
            metrics.failed(batch, kept);
            finish(batch);
            // before the batch's waiters are released: whoever waited in flush() then finds the batch's outcome recorded
            decided.accept(kept ? BatchOutcome.SPOOLED : BatchOutcome.LOST);
            batch.failed(error);
        }
    }

    /** {@link #failed(BatchBuffer, ClickHouseException, Consumer)} for a caller that does not need the outcome. */
    void failed(BatchBuffer batch, ClickHouseException error) {
        failed(batch, error, outcome -> { });
    }

    private void finish(BatchBuffer batch) {
        pending.remove(batch);
        memory.release(batch.held());
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("InserterListener threw; the inserter carries on", e);
        }
    }
}
