/**
 * {@code Inserter} beans: one per {@code @Table} entity found by entity scanning, built with the
 * {@code clickhouse.inserter.*} options and closed (flushed) before the client when the context closes.
 */
package io.chspring.boot.autoconfigure.inserter;
