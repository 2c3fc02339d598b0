/**
 * The ClickHouse client: {@code ClickHouseClient}, its immutable configuration and the exception categories. Everything a user calls starts here; the sub-packages hold the request builders, SQL templating, the type system, the RowBinary codec, LZ4 framing and the transport.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client;
