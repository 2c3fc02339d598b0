package io.chspring.client.cluster;

import io.chspring.client.ClickHouseConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster as {@code system.clusters} describes it: shards in {@code shard_num} order with their weights and
 * replicas. Read with {@link #QUERY} (one bound parameter, the cluster name) in {@code TabSeparated}.
 *
 * @param cluster the cluster name
 * @param shards the shards, in {@code shard_num} order
 */
public record ClusterTopology(String cluster, List<Shard> shards) {

    /** The query whose TabSeparated answer {@link #parse(String, String)} reads; bind the cluster name. */
    public static final String QUERY = "SELECT shard_num, shard_weight, replica_num, host_name, host_address, port "
            + "FROM system.clusters WHERE cluster = ? ORDER BY shard_num, replica_num";

    /** The shard the answering server belongs to in a cluster; bind the cluster name. */
    public static final String LOCAL_SHARD_QUERY = "SELECT DISTINCT shard_num FROM system.clusters "
            + "WHERE cluster = ? AND is_local = 1";

    /**
     * One shard.
     *
     * @param number {@code shard_num}, from 1
     * @param weight {@code shard_weight}: its share of the rows a Distributed table writes
     * @param replicas its replicas in {@code replica_num} order
     */
    public record Shard(int number, int weight, List<Replica> replicas) {
        public Shard {
            replicas = List.copyOf(replicas);
        }
    }

    /**
     * One replica.
     *
     * @param number {@code replica_num}, from 1
     * @param host {@code host_name} as the cluster definition spells it
     * @param address {@code host_address}, the resolved IP
     * @param port the native (TCP) port the cluster uses, not the HTTP port
     */
    public record Replica(int number, String host, String address, int port) {
    }

    public ClusterTopology {
        shards = List.copyOf(shards);
    }

    /**
     * Reads the answer to {@link #QUERY}.
     *
     * @throws ClickHouseConfigurationException naming the cluster when the answer is empty: the server does not
     *     know it
     */
    public static ClusterTopology parse(String cluster, String tabSeparated) {
        Map<Integer, Integer> weights = new LinkedHashMap<>();
        Map<Integer, List<Replica>> replicas = new LinkedHashMap<>();
        for (String line : tabSeparated.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException("Not a system.clusters row: " + line);
            }
            int shard = Integer.parseInt(f[0]);
            weights.put(shard, Integer.parseInt(f[1]));
            replicas.computeIfAbsent(shard, s -> new ArrayList<>())
                    .add(new Replica(Integer.parseInt(f[2]), f[3], f[4], Integer.parseInt(f[5])));
        }
        if (replicas.isEmpty()) {
            throw new ClickHouseConfigurationException("Cluster '" + cluster + "' is not in system.clusters of the "
                    + "server: check the cluster name and the server's remote_servers");
        }
        List<Shard> shards = new ArrayList<>();
        replicas.forEach((n, r) -> shards.add(new Shard(n, weights.get(n), r)));
        return new ClusterTopology(cluster, shards);
    }

    /** How a Distributed table over this cluster maps sharding keys to shards. */
    public ShardSlots slots() {
        return ShardSlots.of(shards.stream().map(Shard::weight).toList());
    }

    /**
     * The distinct host names of all replicas, in shard and replica order: for discovering HTTP endpoints, which
     * {@code system.clusters} does not list (it knows native ports only), so the caller adds its HTTP port.
     */
    public List<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>();
        shards.forEach(s -> s.replicas().forEach(r -> hosts.add(r.host())));
        return List.copyOf(hosts);
    }

    /**
     * Discovery: an endpoint per distinct replica host, {@code scheme://host:httpPort}, for a client over the whole
     * cluster. {@code system.clusters} lists native ports only, so every node is assumed to serve HTTP on the same
     * port (the usual deployment: 8123 or 8443 everywhere); with several nodes per host, list the endpoints instead.
     */
    public List<URI> endpoints(String scheme, int httpPort) {
        List<URI> endpoints = new ArrayList<>();
        for (String host : hosts()) {
            try {
                endpoints.add(new URI(scheme, null, host, httpPort, null, null, null));
            } catch (URISyntaxException e) {
                throw new ClickHouseConfigurationException("Cluster '" + cluster + "' lists host '" + host
                        + "', which is not a valid URL host: " + e.getReason());
            }
        }
        return endpoints;
    }
}
