/**
 * Inserts: raw streaming inserts in any input format, typed RowBinary inserts, and the batching {@code Inserter}.
 */
package io.chspring.client.insert;
