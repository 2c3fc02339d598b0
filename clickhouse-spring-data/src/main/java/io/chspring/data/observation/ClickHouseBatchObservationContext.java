package io.chspring.data.observation;

import io.chspring.client.observation.BatchOutcome;
import io.chspring.client.observation.BatchStart;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/** What an observation of one Inserter batch knows: the batch, and once decided, its outcome and attempts. */
public class ClickHouseBatchObservationContext extends Observation.Context {

    private final BatchStart batch;
    private volatile @Nullable BatchOutcome outcome;
    private volatile int attempts;

    /** The context of one batch. */
    public ClickHouseBatchObservationContext(BatchStart batch) {
        this.batch = batch;
    }

    /** The batch as it was about to be sent. */
    public BatchStart getBatch() {
        return batch;
    }

    /** What became of it, or {@code null} while it is being sent. */
    public @Nullable BatchOutcome getOutcome() {
        return outcome;
    }

    /** Attempts made so far (1 for the first; retries are one less). */
    public int getAttempts() {
        return attempts;
    }

    void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    void setOutcome(BatchOutcome outcome) {
        this.outcome = outcome;
    }
}
