package io.chspring.client;

/**
 * A streaming INSERT failed or was given up after rows had gone to the server. ClickHouse stores an INSERT block by
 * block as it arrives (a block is {@code max_insert_block_size} rows, 1,048,576 by default, or fewer when the
 * server squashes by bytes), so some of the rows sent may be stored although the request failed: a plain retry may
 * store them twice. It is retryable only when the insert carried a deduplication token, because then resending the
 * same rows in the same order with the same token stores each block once (ClickHouse 22.2 and later; on MergeTree
 * tables that have {@code non_replicated_deduplication_window}, and Replicated tables).
 */
public class ClickHousePartialInsertException extends ClickHouseException {

    private static final long serialVersionUID = 1L;

    private final long rowsSent;
    private final String deduplicationToken;

    /**
     * @param rowsSent the rows written to the request before it failed: at most this many may be stored
     * @param deduplicationToken the insert's deduplication token, or {@code null} when it had none
     */
    public ClickHousePartialInsertException(String message, ClickHouseException cause, long rowsSent,
            String deduplicationToken) {
        super(message, cause, cause.errorCode(), cause.queryId(), deduplicationToken != null && cause.isRetryable());
        this.rowsSent = rowsSent;
        this.deduplicationToken = deduplicationToken;
    }

    /** How many rows were sent before the failure: up to this many may already be stored. */
    public long rowsSent() {
        return rowsSent;
    }

    /** The insert's deduplication token, to resend the same rows with; {@code null} when it had none. */
    public String deduplicationToken() {
        return deduplicationToken;
    }
}
