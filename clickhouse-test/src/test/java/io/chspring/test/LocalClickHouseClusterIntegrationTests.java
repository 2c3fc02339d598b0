package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cluster fixture against real processes: ZooKeeper and four 18.16 servers replicate, shard and run ON CLUSTER DDL. */
@ClickHouseClusterTest
class LocalClickHouseClusterIntegrationTests {

    private static final Duration REPLICATION_WAIT = Duration.ofSeconds(30);

    private static String db;

    @BeforeAll
    static void database(LocalClickHouseCluster cluster) {
        db = TestDatabase.newName("LocalClickHouseClusterIntegrationTests");
        cluster.node(1, 1).query("CREATE DATABASE " + db + " ON CLUSTER c");
    }

    @AfterAll
    static void dropDatabase(LocalClickHouseCluster cluster) {
        cluster.node(1, 1).query("DROP DATABASE IF EXISTS " + db + " ON CLUSTER c");
    }

    @Test
    void fourNodesInTwoShardsOfTwoReplicasOnDistinctLoopbackPorts(LocalClickHouseCluster cluster) {
        List<ClusterNode> nodes = cluster.nodes();
        assertThat(nodes).extracting(ClusterNode::name).containsExactly("node1", "node2", "node3", "node4");
        assertThat(nodes).extracting(n -> n.shard() + "/" + n.replicaName()).containsExactly("1/r1", "1/r2", "2/r1", "2/r2");
        Set<Integer> ports = new HashSet<>(List.of(cluster.zooKeeperPort()));
        for (ClusterNode node : nodes) {
            ports.add(node.httpPort());
            ports.add(node.tcpPort());
            ports.add(node.interserverPort());
            assertThat(node.httpUrl()).isEqualTo("http://127.0.0.1:" + node.httpPort()).isEqualTo(cluster.httpUrl(node));
            assertThat(node.query("SELECT version()").strip()).isNotEmpty();
            // 18.16 has no getMacro(): the macros are in system.macros.
            assertThat(node.query("SELECT macro, substitution FROM system.macros ORDER BY macro"))
                    .isEqualTo("cluster\tc\nreplica\t" + node.replicaName() + "\nshard\t" + node.shard() + "\n");
            assertThat(node.query("SELECT shard_num, replica_num, port FROM system.clusters WHERE cluster = 'c' ORDER BY shard_num, replica_num"))
                    .isEqualTo(nodes.stream().map(n -> n.shard() + "\t" + n.replica() + "\t" + n.tcpPort() + "\n").reduce("", String::concat));
        }
        assertThat(ports).hasSize(1 + 3 * 4);
        assertThat(cluster.httpUrls()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void onClusterDdlCreatesReplicatedAndDistributedTablesOnEveryNode(LocalClickHouseCluster cluster) {
        createReplicated(cluster, "ddl");
        String result = cluster.node(2, 2).query("CREATE TABLE " + db + ".ddl_all ON CLUSTER c AS " + db
                + ".ddl ENGINE = Distributed(c, " + db + ", ddl, id)");
        // One line per host: host, port, status, error, hosts remaining, hosts active.
        assertThat(result.lines()).hasSize(4).allSatisfy(line -> assertThat(line.split("\t")[2]).isEqualTo("0"));
        for (ClusterNode node : cluster.nodes()) {
            assertThat(node.query("SELECT name, engine FROM system.tables WHERE database = '" + db + "' AND name LIKE 'ddl%' ORDER BY name"))
                    .isEqualTo("ddl\tReplicatedMergeTree\nddl_all\tDistributed\n");
        }

        cluster.node(1, 1).query("INSERT INTO " + db + ".ddl_all SELECT number, toString(number) FROM system.numbers LIMIT 1000"
                + " SETTINGS insert_distributed_sync = 1");
        // The sharding key id over two shards of weight 1: even ids on shard 1, odd ones on shard 2. A synchronous
        // Distributed insert writes one replica per shard; the other gets the part by replication.
        for (ClusterNode node : cluster.nodes()) {
            assertThat(awaitCount(node, "ddl", 500, c -> c == 500)).isEqualTo(500);
            assertThat(node.query("SELECT count() FROM " + db + ".ddl WHERE id % 2 = " + (node.shard() - 1)).strip()).isEqualTo("500");
        }
        for (ClusterNode node : cluster.nodes()) {
            assertThat(node.query("SELECT count(), uniqExact(id) FROM " + db + ".ddl_all").strip()).isEqualTo("1000\t1000");
        }
    }

    @Test
    void aRowWrittenToOneReplicaAppearsOnTheOtherAndNotOnTheOtherShard(LocalClickHouseCluster cluster) {
        createReplicated(cluster, "repl");
        cluster.node(1, 1).query("INSERT INTO " + db + ".repl VALUES (1, 'written on shard 1 replica 1')");

        assertThat(awaitCount(cluster.node(1, 2), "repl", 1, c -> c == 1)).isEqualTo(1);
        assertThat(cluster.node(1, 2).query("SELECT s FROM " + db + ".repl").strip()).isEqualTo("written on shard 1 replica 1");
        assertThat(cluster.node(2, 1).query("SELECT count() FROM " + db + ".repl").strip()).isEqualTo("0");
        assertThat(cluster.node(2, 2).query("SELECT count() FROM " + db + ".repl").strip()).isEqualTo("0");
    }

    @Test
    void aStoppedNodeComesBackWithTheRowsWrittenWhileItWasDown(LocalClickHouseCluster cluster) {
        createReplicated(cluster, "down");
        ClusterNode stopped = cluster.node(1, 2);
        stopped.stop();
        assertThat(stopped.isRunning()).isFalse();
        assertThatThrownBy(() -> stopped.query("SELECT 1")).isInstanceOf(ClickHouseException.class);

        cluster.node(1, 1).query("INSERT INTO " + db + ".down SELECT number, 'while down' FROM system.numbers LIMIT 250");
        assertThat(cluster.node(1, 1).query("SELECT active_replicas, total_replicas FROM system.replicas WHERE database = '"
                + db + "' AND table = 'down'").strip()).isEqualTo("1\t2");

        stopped.start();
        assertThat(stopped.isRunning()).isTrue();
        assertThat(awaitCount(stopped, "down", 250, c -> c == 250)).isEqualTo(250);
        await(() -> cluster.node(1, 1).query("SELECT active_replicas FROM system.replicas WHERE database = '" + db
                + "' AND table = 'down'").strip(), "2");
    }

    @Test
    void aKilledNodeComesBackWithTheRowsWrittenWhileItWasDown(LocalClickHouseCluster cluster) {
        createReplicated(cluster, "killed");
        ClusterNode killed = cluster.node(2, 2);
        cluster.node(2, 1).query("INSERT INTO " + db + ".killed VALUES (1, 'before')");
        awaitCount(killed, "killed", 1, c -> c == 1);

        killed.kill();
        assertThat(killed.isRunning()).isFalse();
        cluster.node(2, 1).query("INSERT INTO " + db + ".killed SELECT number + 2, 'while killed' FROM system.numbers LIMIT 99");

        killed.start();
        assertThat(awaitCount(killed, "killed", 100, c -> c == 100)).isEqualTo(100);
        assertThat(killed.query("SELECT uniqExact(id), min(id), max(id) FROM " + db + ".killed").strip()).isEqualTo("100\t1\t100");
        // Active again (its old ZooKeeper session is gone): it takes writes and its twin gets them.
        killed.query("INSERT INTO " + db + ".killed VALUES (101, 'after restart')");
        assertThat(awaitCount(cluster.node(2, 1), "killed", 101, c -> c == 101)).isEqualTo(101);
    }

    private static void createReplicated(LocalClickHouseCluster cluster, String table) {
        String result = cluster.node(1, 1).query("CREATE TABLE " + db + "." + table + " ON CLUSTER c (id UInt64, s String)"
                + " ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/" + db + "." + table + "', '{replica}') ORDER BY id");
        assertThat(result.lines()).hasSize(4);
    }

    private static long awaitCount(ClusterNode node, String table, long expected, java.util.function.LongPredicate done) {
        long deadline = System.nanoTime() + REPLICATION_WAIT.toNanos();
        long count;
        while (!done.test(count = Long.parseLong(node.query("SELECT count() FROM " + db + "." + table).strip()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node + " has " + count + " rows in " + table + ", expected " + expected
                        + " within " + REPLICATION_WAIT.toSeconds() + " s");
            }
            sleep();
        }
        return count;
    }

    private static void await(Supplier<String> actual, String expected) {
        long deadline = System.nanoTime() + REPLICATION_WAIT.toNanos();
        String last;
        while (!(last = actual.get()).equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " within " + REPLICATION_WAIT.toSeconds() + " s, last " + last);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
