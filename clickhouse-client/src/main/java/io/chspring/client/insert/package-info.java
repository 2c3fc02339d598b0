/**
 * Streaming inserts, one request each: {@code RawInsert} for rows the caller encodes in any input format, and the
 * typed {@code Insert} of records or classes as RowBinary, which sends a small insert in one go from {@code end()}
 * and streams a large one in constant memory. Batching in the background is the {@code inserter} package's job.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.insert;
