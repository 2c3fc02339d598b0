/**
 * RowBinary readers and writers per ClickHouse type, and row codecs built once per (Java type, schema). Works on streams and buffers only; never touches the transport.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.rowbinary;
