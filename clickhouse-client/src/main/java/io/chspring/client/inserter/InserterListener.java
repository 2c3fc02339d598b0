package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;

/**
 * Callbacks from an {@link Inserter}'s sender thread. Keep them quick; an exception thrown here is logged
 * and otherwise ignored.
 */
public interface InserterListener {

    /** A batch was committed by the server. */
    default void onCommit(Batch batch, InserterStats stats) {
    }

    /**
     * An attempt to send a batch failed; {@code willRetry} tells whether another attempt is scheduled or
     * the batch now goes to the {@link InserterFailureHandler}.
     */
    default void onFailure(Batch batch, ClickHouseException error, boolean willRetry) {
    }
}
