package io.chspring.client.inserter;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter inside a time budget: before retry {@code n} (0-based) wait a
 * uniformly random time in {@code [0, min(max, initial * 2^n))}, and give up once the wait would end past
 * the budget counted from the first attempt. Full jitter spreads the retries of many clients that failed
 * together (see the AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private final long budgetNanos;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, Duration budget, DoubleSupplier random) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.budgetNanos = budget.toNanos();
        this.random = random;
    }

    /** The upper bound of the wait before retry {@code retry}: {@code min(max, initial * 2^retry)}. */
    long capNanos(int retry) {
        if (retry >= 62 || initialNanos > (maxNanos >> Math.min(retry, 62))) {
            return maxNanos;
        }
        return Math.min(maxNanos, initialNanos << retry);
    }

    /**
     * The wait before retry {@code retry}, or empty when waiting would overrun the budget given that
     * {@code elapsed} has passed since the first attempt started.
     */
    Optional<Duration> next(int retry, Duration elapsed) {
        long wait = (long) (capNanos(retry) * random.getAsDouble());
        if (elapsed.toNanos() + wait > budgetNanos) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(wait));
    }
}
