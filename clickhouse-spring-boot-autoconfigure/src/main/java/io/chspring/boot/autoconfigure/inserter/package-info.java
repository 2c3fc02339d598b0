/**
 * {@code Inserter} beans: one per {@code @Table} entity found by entity scanning, built with the
 * {@code clickhouse.inserter.*} options and closed (flushed) before the client when the context closes.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure.inserter;
