/**
 * The template layer: {@link io.chspring.data.core.ClickHouseOperations}, the interface applications use and mock,
 * and {@link io.chspring.data.core.ClickHouseTemplate}, which sends statements through the client's query API and
 * inserts entities as RowBinary through its typed insert. {@link io.chspring.data.core.EntitySql} writes every
 * statement Spring Data sends for an entity; values are bound by the client. Client errors are translated into
 * Spring's {@code DataAccessException} hierarchy here. Knows the mapping layer, never the repositories.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.core;
