package io.chspring.it;

import static io.chspring.it.ClusterSupport.createShardedTable;
import static io.chspring.it.ClusterSupport.loggedQueries;
import static io.chspring.it.ClusterSupport.unique;
import static io.chspring.it.ClusterSupport.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.RequestEvent;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Repeated typed reads through a Distributed table on the real 2 x 2 cluster of 18.16 nodes, the client going round
 * robin over all four: the first run learns the columns with DESCRIBE on one node, and every later run, on whichever
 * node it lands, checks them against that node's Native header and sends nothing but the caller's SQL.
 */
@ClickHouseClusterTest
class ClusterTypedReadIntegrationTests {

    record Item(long id, String payload) {
    }

    @Test
    void repeatedReadsThroughADistributedTableCheckEachNodesNativeHeader(LocalClickHouseCluster cluster) {
        String table = unique("typed_read");
        createShardedTable(cluster.node(1, 1), table, "id");
        List<RequestEvent> requests = new CopyOnWriteArrayList<>();
        try (ClickHouseClient client = ClickHouseClient.builder()
                .url(url(cluster, "?load_balancing=round_robin&log_queries=1&insert_distributed_sync=1"))
                .requestListener(requests::add).build()) {
            client.execute("INSERT INTO " + table + "_all SELECT number, concat('p', toString(number)) "
                    + "FROM numbers(1000)");
            // the insert waited for one replica per shard; the reads go to any replica
            for (ClusterNode node : cluster.nodes()) {
                node.query("SYSTEM SYNC REPLICA " + table);
            }
            String sql = "SELECT id, payload FROM " + table + "_all WHERE id < ? ORDER BY id";
            List<Item> expected = LongStream.range(0, 500).mapToObj(i -> new Item(i, "p" + i)).toList();
            assertThat(client.query(sql).bind(500).fetchAll(Item.class)).isEqualTo(expected);
            requests.clear();
            for (int i = 0; i < 8; i++) {
                assertThat(client.query(sql).bind(500).fetchAll(Item.class)).as("run %s", i + 2).isEqualTo(expected);
            }
            assertThat(requests).as("one request per repeated read").hasSize(8);
        }
        long sent = 0;
        long described = 0;
        for (ClusterNode node : cluster.nodes()) {
            // the Distributed table's name is only in the queries the client sent, not in those forwarded to shards
            assertThat(loggedQueries(node, table + "_all%throwIf")).as("wrapped reads on %s", node).isZero();
            long reads = loggedQueries(node, "SELECT id, payload FROM " + table + "_all");
            assertThat(reads).as("reads on %s (round robin)", node).isPositive();
            sent += reads;
            described += loggedQueries(node, "DESCRIBE (SELECT id, payload FROM " + table + "_all");
        }
        assertThat(described).as("DESCRIBE, once").isEqualTo(1);
        assertThat(sent - described).as("the first read and the 8 repeated ones, as written").isEqualTo(9);
    }
}
