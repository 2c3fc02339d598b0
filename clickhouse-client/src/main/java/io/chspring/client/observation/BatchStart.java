package io.chspring.client.observation;

/**
 * What is known of an Inserter batch before it is sent.
 *
 * @param table the target table, as given to the Inserter
 * @param rows rows in the batch
 * @param bytes RowBinary bytes of the batch (before compression)
 * @param dedupToken the batch's deduplication token (also the prefix of each attempt's query id)
 * @param replay whether this is a spooled batch sent again ({@code Inserter.replay}), not a fresh one
 */
public record BatchStart(String table, long rows, long bytes, String dedupToken, boolean replay) {
}
