/**
 * Spring Boot auto-configuration for chspring: the pooled {@code ClickHouseClient} from {@code clickhouse.*}
 * properties or a {@code ClickHouseConnectionDetails} bean, its customizer hooks, and (in sub-packages) the health
 * indicator, Micrometer metrics and the Testcontainers service connection.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure;
