package io.chspring.client.observation;

import org.jspecify.annotations.Nullable;

/** One Inserter batch being observed, over all its attempts; {@link #end} is called exactly once. */
public interface BatchObservation {

    /** An observation that records nothing. */
    BatchObservation NONE = (outcome, attempts, error) -> {
    };

    /**
     * Attempt {@code attempt} (1 for the first, 2 for the first retry, ...) starts on this thread; the returned scope is
     * closed on the same thread when the attempt is over. Requests sent meanwhile belong to the batch.
     */
    default Scope attempt(int attempt) {
        return Scope.NONE;
    }

    /**
     * The batch is decided.
     *
     * @param outcome what became of it
     * @param attempts how many attempts were made (retries are {@code attempts - 1})
     * @param error the last failure, or {@code null} when it was committed
     */
    void end(BatchOutcome outcome, int attempts, @Nullable Throwable error);

    /** A span of work made current on one thread; closing it restores what was current before. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        /** A scope that changes nothing. */
        Scope NONE = () -> {
        };

        @Override
        void close();
    }
}
