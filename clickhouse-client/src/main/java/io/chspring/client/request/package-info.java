/**
 * What every request shares: {@code RequestContext} (a client's request defaults, and the transport, server
 * capabilities and schema cache that a root client shares with its derived copies) and {@code ClickHouseRequest},
 * the options and assembly common to queries and inserts. Internal to the client: it sits below the entry points
 * in the root package and above the transport, so queries and inserts never need the {@code ClickHouseClient}.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.request;
