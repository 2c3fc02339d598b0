package io.chspring.client.inserter;

import java.time.Instant;

/**
 * An immutable snapshot of an {@link Inserter}'s counters.
 *
 * @param committedRows rows the server acknowledged
 * @param committedBytes RowBinary bytes the server acknowledged
 * @param inserts batches committed (one INSERT each)
 * @param failures batches that finally failed and went to the failure handler
 * @param retries attempts repeated after a retryable error
 * @param spooledBatches failed batches the failure handler kept (for example spooled to disk)
 * @param lostBatches failed batches the failure handler could not keep (it threw)
 * @param bufferedRows rows written but not yet committed or handed to the failure handler
 * @param bufferedBytes bytes held for those rows: their RowBinary size, or less when the inserter sends through a
 *     client that compresses request bodies (batches are then held LZ4-compressed, a chunk at a time)
 * @param lastCommitAt when the last batch was committed, or {@code null} before the first commit
 */
public record InserterStats(long committedRows, long committedBytes, long inserts, long failures, long retries,
        long spooledBatches, long lostBatches, long bufferedRows, long bufferedBytes, Instant lastCommitAt) {
}
