/**
 * Client-side SQL binding with no I/O: {@link io.chspring.client.sql.SqlTemplate} parses SQL once for {@code ?},
 * {@code ?fields} and {@code :name} placeholders (skipping strings, quoted identifiers and comments, leaving
 * server-side {@code {name:Type}} parameters alone), and {@link io.chspring.client.sql.SqlLiterals} renders every
 * bound Java type as an escaped literal that ClickHouse 18.16 and current servers read back exactly.
 * {@link io.chspring.client.sql.Identifier} binds names; {@link io.chspring.client.sql.RawSql} is the explicit,
 * dangerous escape hatch for trusted SQL fragments.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.sql;
