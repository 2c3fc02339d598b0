package io.chspring.it;

import static io.chspring.it.ClusterSupport.unique;
import static io.chspring.it.ClusterSupport.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterStats;
import io.chspring.client.inserter.ShardedInserter;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 threads write 1,000,000 rows while one replica of each shard is killed with SIGKILL and started again: every
 * row is stored exactly once (count() and uniqExact(id) over the Distributed table). A batch whose answer was lost
 * in the kill is sent again, same bytes, to another node; ReplicatedMergeTree drops the identical block (18.16
 * deduplicates by the block's checksum; the sharding key is deterministic so every retry splits the same way).
 */
@ClickHouseClusterTest
class ClusterInserterKillIntegrationTests {

    private static final int THREADS = 8;
    private static final int ROWS = 1_000_000;

    record Row(long id, String payload) {
    }

    @TempDir
    Path spool;

    @Test
    void throughTheDistributedTable(LocalClickHouseCluster cluster) throws Exception {
        String table = unique("kill_dist");
        ClusterSupport.createShardedTable(cluster.node(1, 1), table, "cityHash64(id)");
        try (ClickHouseClient client = client(cluster)) {
            Inserter<Row> inserter = client.inserter(table + "_all", Row.class).maxRows(25_000)
                    .period(Duration.ofMillis(200)).retryBudget(Duration.ofSeconds(60))
                    .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).spoolDirectory(spool).build();
            InserterStats stats = writeWhileKilling(cluster, inserter::write, () -> {
                inserter.flush();
                InserterStats s = inserter.stats();
                inserter.close();
                return s;
            });
            assertThat(stats.failures()).isZero();
            assertThat(stats.committedRows()).isEqualTo(ROWS);
            assertVictimsWereHit(cluster, client);
        }
        assertExactlyOnce(cluster, table);
    }

    @Test
    void throughTheShardedInserterToTheLocalTables(LocalClickHouseCluster cluster) throws Exception {
        String table = unique("kill_sharded");
        ClusterSupport.createShardedTable(cluster.node(1, 1), table, "cityHash64(id)");
        try (ClickHouseClient client = client(cluster)) {
            ShardedInserter<Row> inserter = client.shardedInserter(table + "_all", Row.class, b -> b.maxRows(25_000)
                    .period(Duration.ofMillis(200)).retryBudget(Duration.ofSeconds(60))
                    .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).spoolDirectory(spool));
            InserterStats stats = writeWhileKilling(cluster, inserter::write, () -> {
                inserter.flush();
                InserterStats s = inserter.stats();
                inserter.close();
                return s;
            });
            assertThat(stats.failures()).isZero();
            assertThat(stats.committedRows()).isEqualTo(ROWS);
            assertVictimsWereHit(cluster, client);
        }
        assertExactlyOnce(cluster, table);
        // Each shard holds what the Distributed table would have put there: its own sharding of the same ids.
        ClusterNode shard1 = cluster.node(1, 1);
        assertThat(shard1.query("SELECT count() FROM " + table + " WHERE cityHash64(id) % 2 != 0").strip())
                .isEqualTo("0");
        assertThat(cluster.node(2, 1).query("SELECT count() FROM " + table + " WHERE cityHash64(id) % 2 != 1").strip())
                .isEqualTo("0");
    }

    private static ClickHouseClient client(LocalClickHouseCluster cluster) {
        return ClickHouseClient.builder()
                .url(url(cluster, "?load_balancing=round_robin&insert_distributed_sync=1"))
                .connectTimeout(Duration.ofSeconds(1)).responseTimeout(Duration.ofSeconds(20))
                .quarantineBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                .build();
    }

    interface Finish {
        InserterStats finish() throws Exception;
    }

    /** Writes the rows from 8 threads; kills one replica of each shard after a fifth of them and restarts both. */
    private static InserterStats writeWhileKilling(LocalClickHouseCluster cluster, Consumer<Row> write, Finish finish)
            throws Exception {
        ClusterNode victim1 = cluster.node(1, 2);
        ClusterNode victim2 = cluster.node(2, 2);
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            int perThread = ROWS / THREADS;
            for (int t = 0; t < THREADS; t++) {
                long from = (long) t * perThread;
                writers.add(pool.submit(() -> {
                    for (long id = from; id < from + perThread; id++) {
                        write.accept(new Row(id, "row " + id));
                        if (written.incrementAndGet() % 10_000 == 0) {
                            Thread.sleep(2); // spread the run over the kill and the restart
                        }
                    }
                    return null;
                }));
            }
            Future<?> chaos = pool.submit(() -> {
                while (written.get() < ROWS / 5) {
                    Thread.sleep(5);
                }
                victim1.kill();
                victim2.kill();
                Thread restart = new Thread(victim2::start);
                restart.start();
                victim1.start();
                restart.join();
                return null;
            });
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
            InserterStats stats = finish.finish();
            chaos.get(120, TimeUnit.SECONDS);
            return stats;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The kill landed while the client was using the victims: each of them failed at least one request. */
    private static void assertVictimsWereHit(LocalClickHouseCluster cluster, ClickHouseClient client) {
        for (ClusterNode victim : List.of(cluster.node(1, 2), cluster.node(2, 2))) {
            assertThat(client.endpointStatuses()).filteredOn(s -> s.address().endsWith(":" + victim.httpPort()))
                    .singleElement().satisfies(s -> assertThat(s.failures()).as("failures of %s", victim).isPositive());
        }
    }

    private static void assertExactlyOnce(LocalClickHouseCluster cluster, String table) {
        for (ClusterNode node : cluster.nodes()) {
            node.query("SYSTEM SYNC REPLICA " + table);
        }
        for (ClusterNode node : List.of(cluster.node(1, 1), cluster.node(2, 2))) {
            assertThat(node.query("SELECT count(), uniqExact(id) FROM " + table + "_all").strip())
                    .as("count() and uniqExact(id) through %s", node).isEqualTo(ROWS + "\t" + ROWS);
        }
    }
}
