/**
 * Spring Data auto-configuration: the mapping context, the {@code ClickHouseTemplate} and the repositories; active
 * only with the clickhouse-spring-data module.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure.data;
