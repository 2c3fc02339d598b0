/**
 * Test support: a private {@link io.chspring.test.LocalClickHouseServer} started from a ClickHouse binary, a
 * replicated and sharded {@link io.chspring.test.LocalClickHouseCluster} of them with ZooKeeper, and
 * the JUnit Jupiter {@link io.chspring.test.ClickHouseExtension} that hands each test class a real engine
 * ({@code CLICKHOUSE_URL}, Testcontainers or a local binary) and a fresh database of its own.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.test;
