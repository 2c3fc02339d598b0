/**
 * Inserts: raw streaming inserts in any input format, typed RowBinary inserts, and the batching {@code Inserter}.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.insert;
