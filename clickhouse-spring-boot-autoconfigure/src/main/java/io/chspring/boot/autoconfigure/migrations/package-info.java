/**
 * Schema migrations at startup ({@code clickhouse-migrations}): {@code clickhouse.migrations.*}, the initializer that
 * the template, repositories and Inserter beans wait for, and the {@code clickhousemigrations} Actuator endpoint.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure.migrations;
