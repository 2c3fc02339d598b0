package io.chspring.client.insert;

/**
 * Sends one finished {@link Batch} as {@code INSERT INTO table (columns) FORMAT RowBinary}.
 *
 * <p>The client implements it over its raw streaming insert and passes {@link Batch#dedupToken()} as
 * {@code insert_deduplication_token} on servers that know that setting (22.2 and later). On older servers
 * (18.16) a retried or replayed batch may be stored twice: delivery there is at-least-once.
 *
 * <p>Failures are reported as {@link io.chspring.client.ClickHouseException}s;
 * {@link io.chspring.client.ClickHouseException#isRetryable()} decides whether the inserter tries again.
 * Any other runtime exception counts as not retryable.
 */
@FunctionalInterface
public interface BatchSender {

    /** Sends the batch and returns once the server has acknowledged it; throws when it did not. */
    void send(Batch batch);
}
