/**
 * Rows as Java records and POJOs: {@link io.chspring.client.mapping.RowType} describes a class once (columns, Java
 * types, accessors), {@link io.chspring.client.mapping.MappedRowDecoder} and {@link io.chspring.client.mapping.MappedRowEncoder}
 * turn RowBinary rows into objects and back with codecs built once per (class, schema), and schema validation
 * reports every mismatch between a class and a table in one {@link io.chspring.client.ClickHouseSchemaException}.
 * No I/O beyond the streams it is given.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.mapping;
