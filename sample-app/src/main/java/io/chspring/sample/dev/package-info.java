/**
 * DEVELOPMENT TIME ONLY: the ClickHouse engine the sample runs on when no {@code clickhouse.url} is configured, so
 * that it starts on a fresh machine with nothing set up (in the spirit of Spring Boot's Testcontainers support at
 * development time). {@code sample.engine=embedded} (the default) uses the in-process chDB engine,
 * {@code sample.engine=local} starts a private ClickHouse server from the chspring test harness. A deployment sets
 * {@code clickhouse.url} and none of this is used. This is sample code, not part of the library's
 * auto-configuration.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.sample.dev;
