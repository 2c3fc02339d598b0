package io.chspring.it;

import static io.chspring.it.ClusterSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.cluster.LoadBalancing;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterStats;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import io.chspring.test.proxy.Fault;
import io.chspring.test.proxy.FaultInjectingProxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch whose answer is lost is stored once: the first replica of a shard sits behind a proxy that passes the
 * INSERT through and then drops the connection instead of the answer (the server has committed the block). The
 * Inserter sends the same bytes again, and the client routes them to the other replica; ReplicatedMergeTree on
 * 18.16 recognises the block by its checksum and does not store it again.
 */
@ClickHouseClusterTest
class ClusterLostResponseIntegrationTests {

    record Row(long id, String payload) {
    }

    @TempDir
    Path spool;

    @Test
    void aBatchWhoseAnswerWasLostIsStoredOnceThroughTheOtherReplica(LocalClickHouseCluster cluster) throws Exception {
        ClusterNode first = cluster.node(1, 1);
        ClusterNode second = cluster.node(1, 2);
        String table = unique("lost_answer");
        first.query("CREATE TABLE " + table + " ON CLUSTER c (id UInt64, payload String) ENGINE = "
                + "ReplicatedMergeTree('/clickhouse/tables/{shard}/" + table + "', '{replica}') ORDER BY id");
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start("127.0.0.1", first.httpPort());
                ClickHouseClient client = ClickHouseClient.builder()
                        .endpoints(List.of(URI.create("http://127.0.0.1:" + proxy.port()),
                                URI.create(second.httpUrl())))
                        .loadBalancing(LoadBalancing.IN_ORDER).database("default")
                        .quarantineBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build()) {
            client.describeTable(table); // the schema read goes through the proxy before it starts dropping answers
            proxy.inject(Fault.dropResponse(), "INSERT", 1);
            try (Inserter<Row> inserter = client.inserter(table, Row.class).maxRows(1_000)
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(100)).spoolDirectory(spool).build()) {
                for (long id = 0; id < 1_000; id++) {
                    inserter.write(new Row(id, "row " + id));
                }
                InserterStats stats = inserter.flush();
                assertThat(stats.retries()).as("the first attempt lost its answer").isEqualTo(1);
                assertThat(stats.committedRows()).isEqualTo(1_000);
            }
            assertThat(proxy.faultedRequests()).isEqualTo(1);
        }
        first.query("SYSTEM SYNC REPLICA " + table);
        second.query("SYSTEM SYNC REPLICA " + table);
        for (ClusterNode node : List.of(first, second)) {
            assertThat(node.query("SELECT count(), uniqExact(id) FROM " + table).strip()).as("on %s", node)
                    .isEqualTo("1000\t1000");
        }
    }
}
