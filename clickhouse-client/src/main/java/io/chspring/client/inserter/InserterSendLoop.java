package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends sealed batches one at a time, oldest first, retrying retryable failures with {@link Backoff}.
 * Every method but {@link #submit} runs on the inserter's single scheduler thread, so the in-flight state
 * needs no lock. A batch waiting for its retry holds up the ones behind it: the memory cap then pushes
 * back on writers instead of piling up batches.
 */
final class InserterSendLoop {

    private final ConcurrentLinkedQueue<BatchBuffer> queue = new ConcurrentLinkedQueue<>();
    private final BatchSender sender;
    private final Backoff backoff;
    private final InserterScheduler scheduler;
    private final InstantSource clock;
    private final BatchOutcomes outcomes;

    private BatchBuffer inFlight;
    private Instant firstAttemptAt;
    private int attempts;

    InserterSendLoop(BatchSender sender, Backoff backoff, InserterScheduler scheduler, InstantSource clock,
            BatchOutcomes outcomes) {
        this.sender = sender;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /** Queues a sealed batch; callable from any thread. */
    void submit(BatchBuffer batch) {
        outcomes.sealed(batch);
        queue.add(batch);
        scheduler.execute(this::pump);
    }

    private void pump() {
        if (inFlight != null) {
            return;
        }
        BatchBuffer next = queue.poll();
        if (next == null) {
            return;
        }
        inFlight = next;
        firstAttemptAt = clock.instant();
        attempts = 0;
        attempt();
    }

    private void attempt() {
        BatchBuffer batch = inFlight;
        if (batch.isClaimed()) {
            // close() already handed it to the failure handler.
            next();
            return;
        }
        try {
            sender.send(batch);
        } catch (RuntimeException e) {
            onError(batch, asClickHouseException(batch, e));
            return;
        } catch (OutOfMemoryError e) {
            // Escaping, it would end in the scheduler's Future unseen and leave this batch in flight for ever: the
            // writers would then wait for room that never frees. Memory may be back by the next attempt.
            onError(batch, new ClickHouseException("Inserter for table '" + batch.table() + "': out of memory while "
                    + "sending batch " + batch.dedupToken() + " (" + batch.rows() + " rows); will retry within the "
                    + "retry budget", e, 0, null, true));
            return;
        }
        outcomes.committed(batch);
        next();
    }

    private void onError(BatchBuffer batch, ClickHouseException error) {
        if (batch.isClaimed()) {
            // close() gave up on it while it was on the wire (the failure is likely its interrupt).
            next();
            return;
        }
        Optional<Duration> wait = error.isRetryable()
                ? backoff.next(attempts, Duration.between(firstAttemptAt, clock.instant()))
                : Optional.empty();
        if (wait.isPresent()) {
            attempts++;
            outcomes.willRetry(batch, error);
            scheduler.schedule(this::attempt, wait.get());
            return;
        }
        outcomes.failed(batch, error);
        next();
    }

    private void next() {
        inFlight = null;
        scheduler.execute(this::pump);
    }

    private static ClickHouseException asClickHouseException(Batch batch, RuntimeException e) {
        if (e instanceof ClickHouseException clickHouseException) {
            return clickHouseException;
        }
        return new ClickHouseException("Inserter for table '" + batch.table() + "': sending batch "
                + batch.dedupToken() + " failed: " + e, e);
    }
}
