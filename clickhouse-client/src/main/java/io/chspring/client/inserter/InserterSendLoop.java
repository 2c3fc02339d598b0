package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;
import io.chspring.client.observation.BatchObservation;
import io.chspring.client.observation.BatchOutcome;
import io.chspring.client.observation.BatchStart;
import io.chspring.client.observation.ClickHouseObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends sealed batches one at a time, oldest first, retrying retryable failures with {@link Backoff}.
 * Every method but {@link #submit} runs on the inserter's single scheduler thread, so the in-flight state
 * needs no lock. A batch waiting for its retry holds up the ones behind it: the memory cap then pushes
 * back on writers instead of piling up batches.
 */
final class InserterSendLoop {

    private static final Logger LOG = LoggerFactory.getLogger(InserterSendLoop.class);

    private final ConcurrentLinkedQueue<BatchBuffer> queue = new ConcurrentLinkedQueue<>();
    private final BatchSender sender;
    private final Backoff backoff;
    private final InserterScheduler scheduler;
    private final InstantSource clock;
    private final BatchOutcomes outcomes;

    private BatchBuffer inFlight;
    private Instant firstAttemptAt;
    private int attempts;
    private BatchObservation observation = BatchObservation.NONE;

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
        observation = observe(sender.observer(), next);
        attempt();
    }

    private void attempt() {
        BatchBuffer batch = inFlight;
        if (batch.isClaimed()) {
            // close() already handed it to the failure handler.
            end(BatchOutcome.ABANDONED_AT_CLOSE, null);
            next();
            return;
        }
        BatchObservation.Scope scope = attemptScope(attempts + 1);
        try {
            sender.send(batch);
        } catch (RuntimeException e) {
            scope.close();
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
        scope.close();
        // ended before the outcome releases the batch's waiters, so that flush() returns with the batch observed
        end(BatchOutcome.COMMITTED, null);
        outcomes.committed(batch);
        next();
    }

    private void onError(BatchBuffer batch, ClickHouseException error) {
        if (batch.isClaimed()) {
            // close() gave up on it while it was on the wire (the failure is likely its interrupt).
            end(BatchOutcome.ABANDONED_AT_CLOSE, error);
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
        outcomes.failed(batch, error, outcome -> end(outcome, error));
        next();
    }

    /** Starts the observation of a batch; an observer that fails leaves it unobserved, never unsent. */
    private static BatchObservation observe(ClickHouseObserver observer, Batch batch) {
        if (observer == ClickHouseObserver.NONE) {
            return BatchObservation.NONE;
        }
        try {
            return observer.batch(new BatchStart(batch.table(), batch.rows(), batch.bytes(), batch.dedupToken(),
                    false));
        } catch (RuntimeException e) {
            LOG.warn("ClickHouseObserver {} failed to start observing batch {}", observer, batch.dedupToken(), e);
            return BatchObservation.NONE;
        }
    }

    private BatchObservation.Scope attemptScope(int attempt) {
        try {
            return observation.attempt(attempt);
        } catch (RuntimeException e) {
            LOG.warn("Observing attempt {} of a batch failed", attempt, e);
            return BatchObservation.Scope.NONE;
        }
    }

    /** Ends the in-flight batch's observation: attempts made so far count the one that just ended. */
    private void end(BatchOutcome outcome, @Nullable Throwable error) {
        BatchObservation ending = observation;
        observation = BatchObservation.NONE;
        try {
            ending.end(outcome, attempts + 1, error);
        } catch (RuntimeException e) {
            LOG.warn("Ending the observation of a batch failed", e);
        }
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
