package io.chspring.it;

import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Helpers for the tests on the real 2 x 2 cluster. */
final class ClusterSupport {

    private ClusterSupport() {
    }

    /** {@code http://127.0.0.1:p1,127.0.0.1:p2,.../default} + {@code query} over the given nodes. */
    static String url(List<ClusterNode> nodes, String query) {
        return "http://" + nodes.stream().map(n -> "127.0.0.1:" + n.httpPort()).collect(Collectors.joining(","))
                + "/default" + query;
    }

    static String url(LocalClickHouseCluster cluster, String query) {
        return url(cluster.nodes(), query);
    }

    /** A table name no other test run on the shared cluster uses. */
    static String unique(String prefix) {
        return prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }

    /** {@code host:tcp_port} as distributed DDL names a node. */
    static String ddlName(ClusterNode node) {
        return "127.0.0.1:" + node.tcpPort();
    }

    /** How many finished queries containing {@code marker} the node logged (flushes its logs first). */
    static long loggedQueries(ClusterNode node, String marker) {
        node.query("SYSTEM FLUSH LOGS");
        return Long.parseLong(node.query("SELECT count() FROM system.query_log WHERE type = 2 AND query LIKE '%"
                + marker + "%' AND query NOT LIKE '%system.query_log%'").strip());
    }

    /** Creates a replicated table on every node and a Distributed table over it sharded by {@code key}. */
    static void createShardedTable(ClusterNode node, String table, String key) {
        node.query("CREATE TABLE " + table + " ON CLUSTER c (id UInt64, payload String) ENGINE = "
                + "ReplicatedMergeTree('/clickhouse/tables/{shard}/" + table + "', '{replica}') ORDER BY id");
        node.query("CREATE TABLE " + table + "_all ON CLUSTER c AS " + table + " ENGINE = Distributed(c, default, "
                + table + ", " + key + ")");
    }
}
