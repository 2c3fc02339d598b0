package io.chspring.it;

import static io.chspring.it.ClusterSupport.loggedQueries;
import static io.chspring.it.ClusterSupport.unique;
import static io.chspring.it.ClusterSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.cluster.EndpointStatus;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several endpoints on the real 2 x 2 cluster: round robin reaches every node (each node's own
 * {@code system.query_log} says so), a stopped node costs the caller nothing, and a restarted one is used again.
 */
@ClickHouseClusterTest
class ClusterRoutingIntegrationTests {

    record Row(long id, String payload) {
    }

    @Test
    void roundRobinSpreadsRequestsOverAllFourNodes(LocalClickHouseCluster cluster) {
        String marker = unique("rr");
        try (ClickHouseClient client = ClickHouseClient.fromUrl(url(cluster, "?load_balancing=round_robin&log_queries=1"))) {
            for (int i = 0; i < 40; i++) {
                client.query("SELECT '" + marker + "', " + i).fetchString("TabSeparated");
            }
        }
        for (ClusterNode node : cluster.nodes()) {
            assertThat(loggedQueries(node, marker)).as("queries on %s", node).isEqualTo(10);
        }
    }

    @Test
    void aStoppedNodeCostsTheCallerNothingAndIsUsedAgainOnceItAnswers(LocalClickHouseCluster cluster) throws Exception {
        ClusterNode first = cluster.node(1, 1);
        ClusterNode down = cluster.node(1, 2);
        String table = unique("routing");
        ClusterSupport.createShardedTable(first, table, "id");
        String marker = unique("back");
        try (ClickHouseClient client = ClickHouseClient.builder()
                .url(url(cluster, "?load_balancing=round_robin&insert_distributed_sync=1&log_queries=1"))
                .connectTimeout(Duration.ofSeconds(1)).quarantineBackoff(Duration.ofMillis(200), Duration.ofMillis(500))
                .build()) {
            down.stop();
            for (int i = 0; i < 20; i++) {
                client.execute("INSERT INTO " + table + "_all VALUES (" + i + ", 'sql')");
                // Replication is asynchronous: a read may come from a replica that has not fetched the row yet.
                assertThat(client.query("SELECT count() FROM " + table + "_all").fetchOne(Long.class)).isBetween(0L,
                        i + 1L);
            }
            try (Inserter<Row> inserter = client.inserter(table + "_all", Row.class).maxRows(100).build()) {
                for (int i = 20; i < 1020; i++) {
                    inserter.write(new Row(i, "inserter"));
                }
                assertThat(inserter.flush().failures()).isZero();
            }
            for (ClusterNode node : cluster.nodes()) {
                if (node != down) {
                    node.query("SYSTEM SYNC REPLICA " + table);
                }
            }
            assertThat(client.query("SELECT count() FROM " + table + "_all").fetchOne(Long.class)).isEqualTo(1020);
            List<EndpointStatus> statuses = client.endpointStatuses();
            assertThat(statuses).hasSize(4);
            EndpointStatus stopped = statuses.get(1);
            assertThat(stopped.address()).isEqualTo("http://127.0.0.1:" + down.httpPort());
            assertThat(stopped.healthy()).isFalse();
            assertThat(stopped.lastError()).hasValueSatisfying(e -> assertThat(e).contains("refused"));
            assertThat(statuses).filteredOn(EndpointStatus::healthy).hasSize(3);

            down.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!client.endpointStatuses().get(1).healthy() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(client.endpointStatuses().get(1).healthy()).as("the probe saw the node back").isTrue();
            for (int i = 0; i < 8; i++) {
                client.query("SELECT '" + marker + "'").fetchString("TabSeparated");
            }
        }
        assertThat(loggedQueries(down, marker)).isEqualTo(2);
    }

    @Test
    void aSessionStaysOnItsNodeAndFailsClearlyWhenTheNodeIsGone(LocalClickHouseCluster cluster) {
        String marker = unique("session");
        try (ClickHouseClient client = ClickHouseClient.builder().url(url(cluster, "?load_balancing=round_robin&log_queries=1"))
                .connectTimeout(Duration.ofSeconds(1)).build()) {
            client.query("CREATE TEMPORARY TABLE tmp (x UInt8)").session(marker).execute();
            client.query("INSERT INTO tmp VALUES (7)").session(marker).execute();
            // A temporary table lives in one node's session: round robin would find it on no other node.
            for (int i = 0; i < 8; i++) {
                assertThat(client.query("SELECT x, '" + marker + "' FROM tmp").session(marker)
                        .fetchString("TabSeparated")).startsWith("7\t");
            }
            ClusterNode home = cluster.nodes().stream().filter(n -> loggedQueries(n, marker) > 0).findFirst()
                    .orElseThrow();
            assertThat(loggedQueries(home, marker)).isEqualTo(8);
            home.stop();
            assertThatThrownBy(() -> client.query("SELECT x FROM tmp").session(marker).fetchString("TabSeparated"))
                    .isInstanceOf(ClickHouseTransportException.class)
                    .hasMessageStartingWith("Session " + marker + " lives on http://127.0.0.1:" + home.httpPort()
                            + ", which is failing")
                    .hasMessageContaining("start a new session");
            assertThat(client.query("SELECT 1").fetchString("TabSeparated")).isEqualTo("1\n");
        }
    }

    @Test
    void badEndpointListsFailAtStartUpNamingTheValue() {
        assertThatThrownBy(() -> ClickHouseClient.fromUrl("http://127.0.0.1:1,127.0.0.1:x/default"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'127.0.0.1:x'");
        assertThatThrownBy(() -> ClickHouseClient.fromUrl("http://h1,h2/default?load_balancing=fastest"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'fastest'");
    }
}
