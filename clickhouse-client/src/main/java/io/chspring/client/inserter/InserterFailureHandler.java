package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;

/**
 * Takes a batch that could not be committed (not retryable, retries exhausted, or not sent before the
 * close timeout) so that it is never silently dropped. The default is a {@link SpoolDirectory}.
 */
@FunctionalInterface
public interface InserterFailureHandler {

    /**
     * Keeps or reports {@code batch}; {@code error} is the last failure. Throwing means the batch is lost,
     * which the inserter logs at ERROR and counts in {@link InserterStats#lostBatches()}.
     */
    void handle(Batch batch, ClickHouseException error);
}
