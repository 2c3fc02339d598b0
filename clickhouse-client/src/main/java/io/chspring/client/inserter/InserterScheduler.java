package io.chspring.client.inserter;

import java.time.Duration;

/**
 * Runs an inserter's background work (period timers, sends, retries) one task at a time, so the send loop
 * needs no locking of its own. Injected so that tests can drive time.
 */
interface InserterScheduler {

    /** Runs {@code task} after {@code delay}; the returned handle cancels it if it has not started. */
    Cancel schedule(Runnable task, Duration delay);

    /** Runs {@code task} as soon as the worker is free. */
    default void execute(Runnable task) {
        schedule(task, Duration.ZERO);
    }

    /** Stops the worker, interrupting a running task; later submissions are ignored. */
    void shutdown();

    /** Cancels a scheduled task. */
    @FunctionalInterface
    interface Cancel {
        void cancel();
    }
}
