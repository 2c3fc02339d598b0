package io.chspring.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations on the real cluster {@code c} (ZooKeeper and four 18.16 servers, 2 shards x 2 replicas): tables created
 * {@code ON CLUSTER} exist on every node and every node's history has the same rows; instances on different nodes
 * starting together apply each script once (10 times, each in a fresh database); with a node down the run fails
 * clearly before running anything, and a run after it is back completes.
 */
@ClickHouseClusterTest
class ClusterMigrationsIntegrationTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The history as every node must show it: the same rows in the same order. */
    private static final String HISTORY = "SELECT installed_rank, version, script, success, statements_applied,"
            + " installed_by FROM %s.chspring_migrations ORDER BY installed_rank";

    private final LocalClickHouseCluster cluster;
    private final List<ClickHouseClient> clients = new ArrayList<>();
    private String database;

    @TempDir
    Path scripts;

    ClusterMigrationsIntegrationTests(LocalClickHouseCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void database() throws IOException {
        database = "chspring_cluster_migrations_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        cluster.node(1, 1).query("CREATE DATABASE " + database + " ON CLUSTER c");
        script("V1__events.sql", "CREATE TABLE ${database}.events ${on_cluster} (id UInt64, s String)\n"
                + "ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/${database}/events', '{replica}')"
                + " ORDER BY id");
        script("V2__events_all.sql", "CREATE TABLE ${database}.events_all ${on_cluster} AS ${database}.events\n"
                + "ENGINE = Distributed(${cluster}, ${database}, events, id)");
    }

    @AfterEach
    void drop() {
        clients.forEach(ClickHouseClient::close);
        for (ClusterNode node : cluster.nodes()) {
            if (node.isRunning()) {
                node.query("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private void script(String name, String text) throws IOException {
        Files.writeString(scripts.resolve(name), text);
    }

    /** A client of one node; ON CLUSTER DDL with a node down fails after 10 s instead of the default 180 s. */
    private ClickHouseClient client(ClusterNode node) {
        ClickHouseClient client = ClickHouseClient.fromUrl(node.httpUrl() + "/" + database
                + "?distributed_ddl_task_timeout=10");
        clients.add(client);
        return client;
    }

    private ClickHouseMigrations.Builder migrations(ClusterNode node, String instance) {
        return ClickHouseMigrations.builder(client(node)).locations("filesystem:" + scripts).cluster("c")
                .installedBy(instance);
    }

    private String history(ClusterNode node) {
        return node.query(HISTORY.formatted(database));
    }

    private String tables(ClusterNode node) {
        return node.query("SELECT name, engine FROM system.tables WHERE database = '" + database + "' ORDER BY name");
    }

    @Test
    void tablesExistOnEveryNodeAndEveryNodeHasTheSameHistory() throws IOException {
        MigrationReport first = migrations(cluster.node(1, 1), "first").build().migrate();
        assertThat(first.appliedScripts()).containsExactly("V1__events.sql", "V2__events_all.sql");

        String expected = "1\t1\tV1__events.sql\t1\t1\tfirst\n2\t2\tV2__events_all.sql\t1\t1\tfirst\n";
        for (ClusterNode node : cluster.nodes()) {
            assertThat(tables(node)).as(node.name()).isEqualTo("chspring_migrations\tReplicatedMergeTree\n"
                    + "chspring_migrations_lease\tReplicatedMergeTree\nevents\tReplicatedMergeTree\n"
                    + "events_all\tDistributed\n");
            // the history is written with a quorum of all four replicas: no waiting for replication
            assertThat(history(node)).as(node.name()).isEqualTo(expected);
        }

        // a start through another node sees the same history: nothing to do
        assertThat(migrations(cluster.node(2, 2), "second").build().migrate().applied()).isEmpty();

        script("V3__more.sql", "ALTER TABLE ${database}.events ${on_cluster} ADD COLUMN n UInt32 DEFAULT 0");
        assertThat(migrations(cluster.node(2, 1), "third").build().migrate().appliedScripts())
                .containsExactly("V3__more.sql");
        for (ClusterNode node : cluster.nodes()) {
            assertThat(history(node)).as(node.name()).isEqualTo(expected + "3\t3\tV3__more.sql\t1\t1\tthird\n");
            assertThat(node.query("SELECT name FROM system.columns WHERE database = '" + database
                    + "' AND table = 'events' AND name = 'n'").strip()).as(node.name()).isEqualTo("n");
        }
    }

    @RepeatedTest(10)
    void instancesOnDifferentNodesStartingTogetherApplyEachScriptOnce() throws Exception {
        // no IF NOT EXISTS in the scripts: an ON CLUSTER CREATE run twice fails on every node
        List<ClusterNode> nodes = cluster.nodes();
        CyclicBarrier start = new CyclicBarrier(nodes.size());
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<MigrationReport>> runs = new ArrayList<>();
            for (ClusterNode node : nodes) {
                ClickHouseMigrations migrations = migrations(node, node.name()).build();
                runs.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return migrations.migrate();
                }));
            }
            List<String> applied = new ArrayList<>();
            for (Future<MigrationReport> run : runs) {
                applied.addAll(run.get(180, TimeUnit.SECONDS).appliedScripts());
            }
            assertThat(applied).containsExactlyInAnyOrder("V1__events.sql", "V2__events_all.sql");
        } finally {
            pool.shutdownNow();
        }
        String reference = history(cluster.node(1, 1));
        assertThat(reference.lines()).hasSize(2).allSatisfy(line -> assertThat(line.split("\t")[3]).isEqualTo("1"));
        assertThat(reference.lines().map(line -> line.split("\t")[5]).distinct()).hasSize(1);
        for (ClusterNode node : nodes) {
            assertThat(history(node)).as(node.name()).isEqualTo(reference);
            assertThat(tables(node)).as(node.name()).contains("events\tReplicatedMergeTree\n")
                    .contains("events_all\tDistributed\n");
        }
        // the lease rows, written with a quorum of all nodes, are the same on every node
        String lease = cluster.node(1, 1).query("SELECT token, holder, released FROM " + database
                + ".chspring_migrations_lease ORDER BY token, released");
        assertThat(lease).contains("\t1\n");
        for (ClusterNode node : nodes) {
            assertThat(node.query("SELECT token, holder, released FROM " + database
                    + ".chspring_migrations_lease ORDER BY token, released")).as(node.name()).isEqualTo(lease);
        }
    }

    @Test
    void withANodeDownTheRunFailsClearlyAndARunAfterItIsBackCompletes() throws IOException {
        assertThat(migrations(cluster.node(1, 1), "before").build().migrate().appliedScripts()).hasSize(2);
        Path applied = Files.createDirectories(scripts.resolve("applied"));
        Files.copy(scripts.resolve("V1__events.sql"), applied.resolve("V1__events.sql"));
        Files.copy(scripts.resolve("V2__events_all.sql"), applied.resolve("V2__events_all.sql"));
        script("V3__more.sql", "CREATE TABLE ${database}.more ${on_cluster} (id UInt64)\n"
                + "ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/${database}/more', '{replica}')"
                + " ORDER BY id");
        ClusterNode down = cluster.node(1, 2);
        down.stop();

        // a start with nothing to do only reads: it works with a node down
        assertThat(ClickHouseMigrations.builder(client(cluster.node(2, 1))).locations("filesystem:" + applied)
                .cluster("c").build().migrate().applied()).isEmpty();

        assertThatThrownBy(() -> migrations(cluster.node(1, 1), "during").build().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Taking the migration lease `" + database + "`.`chspring_migrations_lease`"
                        + " failed, nothing was run (on a cluster every one of its 4 nodes must be up");
        for (ClusterNode node : cluster.nodes()) {
            if (node.isRunning()) {
                assertThat(tables(node)).as(node.name()).doesNotContain("more");
                assertThat(history(node).lines()).as(node.name()).hasSize(2);
            }
        }

        down.start();
        assertThat(migrations(cluster.node(1, 1), "after").build().migrate().appliedScripts())
                .containsExactly("V3__more.sql");
        String reference = history(cluster.node(1, 1));
        assertThat(reference).endsWith("3\t3\tV3__more.sql\t1\t1\tafter\n");
        for (ClusterNode node : cluster.nodes()) {
            assertThat(history(node)).as(node.name()).isEqualTo(reference);
            assertThat(tables(node)).as(node.name()).contains("more\tReplicatedMergeTree\n");
        }
    }
}
