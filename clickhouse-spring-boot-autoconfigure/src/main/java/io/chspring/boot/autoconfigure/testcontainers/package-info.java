/**
 * The Testcontainers {@code @ServiceConnection} factory for {@code ClickHouseContainer}; registered in
 * {@code META-INF/spring.factories} and active only with spring-boot-testcontainers and testcontainers-clickhouse.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure.testcontainers;
