package io.chspring.client;

import io.chspring.client.cluster.ClickHouseDistributedDdlException;
import io.chspring.client.cluster.ClusterTopology;
import io.chspring.client.cluster.DistributedDdlOutcome;
import io.chspring.client.cluster.DistributedDdlTask;
import io.chspring.client.cluster.DistributedTable;
import io.chspring.client.cluster.OnClusterClause;
import io.chspring.client.cluster.ShardingKey;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterBuilder;
import io.chspring.client.inserter.ShardedInserter;
import io.chspring.client.mapping.RowProperty;
import io.chspring.client.mapping.RowType;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.query.Query;
import io.chspring.client.sql.Identifier;
import io.chspring.client.transport.Endpoint;
import io.chspring.client.type.ClickHouseType;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** What a client does with a cluster: distributed DDL with a clear outcome, the topology, sharded inserters. */
final class ClusterOperations {

    private ClusterOperations() {
    }

    static String requireCluster(ClickHouseClientConfig config) {
        return config.cluster().orElseThrow(() -> new ClickHouseConfigurationException("No cluster is configured: "
                + "add cluster=<name> to the URL or call builder().cluster(name)"));
    }

    static ClusterTopology topology(ClickHouseClient client, String cluster) {
        return ClusterTopology.parse(cluster, client.query(ClusterTopology.QUERY).bind(cluster)
                .fetchString("TabSeparated"));
    }

    /**
     * Runs DDL {@code ON CLUSTER}. The per-host result table becomes the outcome; a timeout (code 159) or a host's
     * error becomes a {@link ClickHouseDistributedDdlException} naming the hosts.
     */
    static DistributedDdlOutcome executeOnCluster(ClickHouseClient client, String cluster, String sql, Object[] args) {
        Query query = client.query(OnClusterClause.insert(sql, cluster));
        if (args.length > 0) {
            query.bind(args);
        }
        String table;
        try {
            table = query.fetchString("TabSeparatedWithNames");
        } catch (ClickHouseException e) {
            throw explain(client, cluster, e);
        }
        DistributedDdlOutcome outcome = DistributedDdlOutcome.parseTable(table);
        if (!outcome.succeeded()) {
            int code = outcome.hosts().stream().filter(h -> !h.succeeded()).findFirst().map(h -> h.status()).orElse(0);
            throw new ClickHouseDistributedDdlException(cluster, outcome, code, 200, null);
        }
        return outcome;
    }

    private static ClickHouseException explain(ClickHouseClient client, String cluster, ClickHouseException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        int status = e instanceof ClickHouseServerException s ? s.httpStatus() : 500;
        Optional<String> task = DistributedDdlTask.timedOutTask(text);
        if (task.isPresent()) {
            try {
                String[] parentAndName = DistributedDdlTask.parentAndName(task.get());
                String entry = client.query("SELECT value FROM system.zookeeper WHERE path = ? AND name = ?")
                        .bind(parentAndName[0], parentAndName[1]).fetchOne(String.class);
                List<String> finished = client.query("SELECT name FROM system.zookeeper WHERE path = ?")
                        .bind(task.get() + "/finished").fetchAll(String.class);
                DistributedDdlOutcome outcome = new DistributedDdlOutcome(List.of(),
                        DistributedDdlTask.unfinishedHosts(entry, finished));
                ClickHouseDistributedDdlException named = new ClickHouseDistributedDdlException(cluster, outcome,
                        e.errorCode(), status, e.queryId());
                named.addSuppressed(e);
                return named;
            } catch (ClickHouseException lookup) {
                // Without access to system.zookeeper the server's own message (a count of hosts) is all there is.
                e.addSuppressed(lookup);
                return e;
            }
        }
        Optional<DistributedDdlOutcome.HostResult> failed = DistributedDdlTask.hostError(text, e.errorCode());
        if (failed.isPresent()) {
            ClickHouseDistributedDdlException named = new ClickHouseDistributedDdlException(cluster,
                    new DistributedDdlOutcome(List.of(failed.get()), List.of()), e.errorCode(), status, e.queryId());
            named.addSuppressed(e);
            return named;
        }
        return e;
    }

    /**
     * A sharded inserter for a Distributed table: its definition and the cluster's shards from the server, the
     * client's endpoints grouped by the shard each one is a replica of ({@code system.clusters.is_local}).
     */
    static <T> ShardedInserter<T> shardedInserter(ClickHouseClient client, String distributedTable, Class<T> type,
            Consumer<InserterBuilder<T>> options) {
        Identifier name = Identifier.ofQualified(distributedTable);
        List<String> parts = name.parts();
        Query definition = parts.size() == 2
                ? client.query(DistributedTable.QUERY).bind(parts.get(0), parts.get(1))
                : client.query("SELECT engine, engine_full FROM system.tables WHERE database = currentDatabase() "
                        + "AND name = ?").bind(parts.get(0));
        String[] row = (definition.fetchString("TabSeparated").strip() + "\t").split("\t", -1);
        DistributedTable table = DistributedTable.parse(distributedTable, row[0], row.length > 1 ? row[1] : "");
        ClusterTopology topology = topology(client, table.cluster());
        ShardingKey key = ShardingKey.parse(table.shardingKey().orElseThrow(() -> new ClickHouseConfigurationException(
                "Distributed table '" + distributedTable + "' has no sharding key; the client cannot route its rows")));
        Map<Integer, List<Endpoint>> byShard = endpointsByShard(client, table.cluster(), topology);
        List<Inserter<T>> inserters = new ArrayList<>();
        try {
            for (ClusterTopology.Shard shard : topology.shards()) {
                List<Endpoint> replicas = byShard.get(shard.number());
                if (replicas == null) {
                    throw new ClickHouseConfigurationException("None of the client's endpoints is a replica of shard "
                            + shard.number() + " of cluster " + table.cluster() + " (its replicas: " + shard.replicas()
                            .stream().map(r -> r.host() + ":" + r.port() + " native").toList()
                            + "); add their HTTP endpoints to the client");
                }
                InserterBuilder<T> builder = client.forEndpoints(replicas).withDatabase(table.database())
                        .inserter(table.table(), type);
                options.accept(builder);
                inserters.add(builder.build());
            }
        } catch (RuntimeException e) {
            inserters.forEach(Inserter::close);
            throw e;
        }
        if (key.isRandom()) {
            return new ShardedInserter<>(distributedTable, inserters, topology.slots(), key, null, null);
        }
        String column = key.column().orElseThrow();
        ClickHouseType keyType = client.describeTable(distributedTable).stream()
                .filter(c -> c.name().equals(column)).map(TableColumn::type).findFirst()
                .orElseThrow(() -> new ClickHouseConfigurationException("Sharding key column '" + column
                        + "' is not a column of " + distributedTable));
        return new ShardedInserter<>(distributedTable, inserters, topology.slots(), key, keyType,
                keyReader(type, column));
    }

    private static Map<Integer, List<Endpoint>> endpointsByShard(ClickHouseClient client, String cluster,
            ClusterTopology topology) {
        Map<Integer, List<Endpoint>> byShard = new LinkedHashMap<>();
        for (Endpoint endpoint : client.config().endpoints()) {
            List<Long> shards = client.forEndpoints(List.of(endpoint)).query(ClusterTopology.LOCAL_SHARD_QUERY)
                    .bind(cluster).fetchAll(Long.class);
            if (shards.size() != 1) {
                throw new ClickHouseConfigurationException("Endpoint " + endpoint.authority() + " is a replica of "
                        + (shards.isEmpty() ? "no shard" : "shards " + shards) + " of cluster " + cluster
                        + " (system.clusters, is_local); a sharded inserter needs each endpoint in one shard");
            }
            byShard.computeIfAbsent(shards.get(0).intValue(), s -> new ArrayList<>()).add(endpoint);
        }
        return byShard;
    }

    private static <T> Function<T, Object> keyReader(Class<T> type, String column) {
        RowProperty property = RowType.of(type).property(column);
        if (property == null || property.getter() == null) {
            throw new ClickHouseConfigurationException("Sharding key column '" + column + "' has no readable property "
                    + "in " + type.getName());
        }
        MethodHandle getter = property.getter();
        return row -> {
            try {
                return getter.invoke(row);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new ClickHouseException("Reading sharding key '" + column + "' of a " + type.getName()
                        + " failed: " + e, e);
            }
        };
    }
}
