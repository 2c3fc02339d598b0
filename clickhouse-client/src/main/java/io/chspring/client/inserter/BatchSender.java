package io.chspring.client.inserter;

import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.request.RequestContext;

/**
 * Sends one finished {@link Batch} as {@code INSERT INTO table (columns) FORMAT RowBinary}.
 *
 * <p>{@code ClickHouseClient.batchSender()} implements it over the client's raw streaming insert and passes
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
     * Told of each batch an Inserter sends through this sender (and of its attempts): the client's observer for the
     * client's sender, none by default.
     */
    default ClickHouseObserver observer() {
        return ClickHouseObserver.NONE;
    }

    /** The sender over a client's context; users get it from {@code ClickHouseClient.batchSender()}. */
    static BatchSender over(RequestContext context) {
        return new ClientBatchSender(context);
    }
}
