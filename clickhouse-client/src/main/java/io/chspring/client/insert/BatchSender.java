package io.chspring.client.insert;

import io.chspring.client.ClickHouseClient;

/**
 * Sends one finished {@link Batch} as {@code INSERT INTO table (columns) FORMAT RowBinary}.
 *
 * <p>{@link #of(ClickHouseClient)} implements it over the client's raw streaming insert and passes
 * {@link Batch#dedupToken()} as {@code insert_deduplication_token} on servers that know that setting (22.2 and
 * later). On older servers (18.16) a retried or replayed batch may be stored twice: delivery there is
 * at-least-once.
 *
 * <p>Failures are reported as {@link io.chspring.client.ClickHouseException}s;
 * {@link io.chspring.client.ClickHouseException#isRetryable()} decides whether the inserter tries again.
 * Any other runtime exception counts as not retryable.
 */
@FunctionalInterface
public interface BatchSender {

    /** Sends the batch and returns once the server has acknowledged it; throws when it did not. */
    void send(Batch batch);

    /**
     * The sender over {@code client}: one {@code INSERT ... FORMAT RowBinary} per attempt with a fresh query id,
     * compressed as the client is configured, with the batch's dedup token as {@code insert_deduplication_token}
     * when {@link ClickHouseClient#capabilities()} says the server supports it (22.2+; not on 18.16, where
     * retries and replays are at-least-once). Errors keep the client's retry classification, except
     * MEMORY_LIMIT_EXCEEDED (241), which an inserter retries within its retry budget.
     */
    static BatchSender of(ClickHouseClient client) {
        return new ClientBatchSender(client);
    }
}
