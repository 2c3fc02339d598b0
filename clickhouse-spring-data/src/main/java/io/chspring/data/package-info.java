/**
 * Spring support for ClickHouse: {@code ClickHouseOperations}/{@code ClickHouseTemplate}, entity mapping on Spring Data Commons, Spring Data repositories, and translation of client errors to Spring's {@code DataAccessException} hierarchy.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data;
