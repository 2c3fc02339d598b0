package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterStats;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import io.chspring.test.proxy.Fault;
import io.chspring.test.proxy.FaultInjectingProxy;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Inserter through a proxy that loses the server's answer after the server committed the batch, into a
 * ReplicatedMergeTree table of a real 18.16 replica (with ZooKeeper): the retry of a batch whose answer was lost must
 * not store its rows twice. 18.16 has no {@code insert_deduplication_token}; a replicated table drops a block whose
 * checksum it has seen, so this holds when the retry sends exactly the same block.
 */
@ClickHouseClusterTest
class InserterLostResponseIntegrationTests {

    record Event(long id, String name) {
    }

    @Test
    void everyRowIsStoredExactlyOnceWhenAnswersAreLostAfterCommit(LocalClickHouseCluster cluster) {
        ClusterNode node = cluster.node(1, 1);
        String table = "lost_answers_" + UUID.randomUUID().toString().replace("-", "");
        node.query("CREATE TABLE default." + table + " (id UInt64, name String) ENGINE = ReplicatedMergeTree("
                + "'/clickhouse/tables/lost/" + table + "', '{replica}') ORDER BY id");
        int rows = 100_000;
        int batchRows = 10_000;
        int lost = 5;
        InserterStats stats;
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(node.httpUrl());
             ClickHouseClient client = ClickHouseClient.builder().endpoint(proxy.url()).database("default")
                     .responseTimeout(Duration.ofSeconds(10)).build()) {
            proxy.inject(Fault.dropResponse(), "INSERT", lost);
            try (Inserter<Event> inserter = client.inserter(table, Event.class).maxRows(batchRows).period(Duration.ofHours(1))
                    .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).retryBudget(Duration.ofSeconds(60))
                    .shutdownHook(false).build()) {
                for (long id = 0; id < rows; id++) {
                    inserter.write(new Event(id, "event-" + id));
                }
                stats = inserter.flush();
            }
            assertThat(proxy.faultedRequests()).as("answers lost after commit").isEqualTo(lost);
        }
        String stored = node.query("SELECT count(), uniqExact(id), countIf(name != concat('event-', toString(id))) FROM default." + table).strip();
        System.out.printf("Inserter with %d lost answers: %s stored (count, uniqExact, bad rows); %d inserts, %d retries%n",
                lost, stored, stats.inserts(), stats.retries());
        assertThat(stats.retries()).as("each lost answer was retried").isGreaterThanOrEqualTo(lost);
        assertThat(stats.lostBatches()).isZero();
        assertThat(stored).isEqualTo(rows + "\t" + rows + "\t0");
    }
}
