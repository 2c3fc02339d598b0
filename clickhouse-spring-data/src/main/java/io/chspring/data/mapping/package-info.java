/**
 * Entity mapping on Spring Data Commons: {@link io.chspring.data.mapping.Table} and
 * {@link io.chspring.data.mapping.Column} annotations and the {@link io.chspring.data.mapping.ClickHouseMappingContext}
 * that turns records and POJOs into table and column metadata, from which the client's row codec is configured.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.mapping;
