/**
 * The client's observation SPI: a {@link io.chspring.client.observation.ClickHouseObserver} is told when each request
 * (every query, statement and insert a client sends) and each Inserter batch starts and ends, and may hand the client a
 * W3C trace context to send along. The client itself depends on no tracing or metrics library; Micrometer's
 * Observation API is adapted to this SPI in {@code clickhouse-spring-data} ({@code io.chspring.data.observation}).
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.observation;
