/**
 * Background batching: the {@code Inserter}, which collects rows from many threads into batches, sends them through
 * a {@code BatchSender} (the client's is {@code ClickHouseClient.batchSender()}, over a streaming insert), retries
 * with backoff and deduplication tokens, and keeps what it cannot send in a spool directory to replay later.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.inserter;
