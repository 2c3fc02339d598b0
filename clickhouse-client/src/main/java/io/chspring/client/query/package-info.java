/**
 * Query builders and result streams: client-side {@code ?} binding, server-side parameters, raw byte streams in any output format, and (later) typed cursors over RowBinary.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.query;
