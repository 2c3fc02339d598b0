/**
 * An in-process ClickHouse engine (chDB, the ClickHouse engine as a shared library, called through JNA) behind the
 * client's {@link io.chspring.client.transport.Transport} interface, so that {@code ClickHouseClient}, the template,
 * repositories and the inserter run unchanged against a modern engine without a server. Entry point:
 * {@link io.chspring.embedded.EmbeddedClickHouse}.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.embedded;
