/**
 * Cluster awareness that needs no network: the shard a {@code Distributed} table chooses for a sharding key, the
 * topology read from {@code system.clusters}, and the outcome of distributed ({@code ON CLUSTER}) DDL read from
 * the per-host result table or the server's timeout error.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.cluster;
