/**
 * Apache Arrow for the chspring client: query results streamed in ClickHouse's {@code ArrowStream} format as
 * {@code VectorSchemaRoot} batches ({@link ArrowQueryReader}, an Arrow {@code ArrowReader}), and Arrow batches
 * inserted as {@code INSERT ... FORMAT ArrowStream}. Built on the client's public API (raw-format queries and
 * inserts) only. Entry point: {@link ClickHouseArrow}.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.arrow;
