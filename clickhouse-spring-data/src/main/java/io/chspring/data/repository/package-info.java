/**
 * Spring Data repositories for ClickHouse: {@link io.chspring.data.repository.ClickHouseRepository} and the
 * {@link io.chspring.data.repository.Query} annotation.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.repository;
