/**
 * Spring Boot's Docker Compose support: {@code ClickHouseConnectionDetails} from a running
 * {@code clickhouse/clickhouse-server} service. Only active with {@code spring-boot-docker-compose} on the class path.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure.docker;
