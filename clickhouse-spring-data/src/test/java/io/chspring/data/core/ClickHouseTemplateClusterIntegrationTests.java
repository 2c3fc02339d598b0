package io.chspring.data.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.cluster.ClickHouseDistributedDdlException;
import io.chspring.client.cluster.DistributedDdlOutcome;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** {@code ON CLUSTER} DDL through the template on the real 2 x 2 cluster: success everywhere, then a node down. */
@ClickHouseClusterTest
class ClickHouseTemplateClusterIntegrationTests {

    @Test
    void runsDdlOnTheClusterAndNamesTheHostThatDidNotFinish(LocalClickHouseCluster cluster) {
        String url = "http://" + cluster.nodes().stream().map(n -> "127.0.0.1:" + n.httpPort())
                .collect(Collectors.joining(",")) + "/default?cluster=c&distributed_ddl_task_timeout=3";
        String table = "template_ddl_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (ClickHouseClient client = ClickHouseClient.fromUrl(url)) {
            ClickHouseTemplate template = new ClickHouseTemplate(client);

            DistributedDdlOutcome created = template.executeOnCluster("CREATE TABLE " + table
                    + " (id UInt64, name String) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/" + table
                    + "', '{replica}') ORDER BY id");
            assertThat(created.succeeded()).isTrue();
            assertThat(created.hosts()).hasSize(4);
            for (ClusterNode node : cluster.nodes()) {
                assertThat(node.query("EXISTS TABLE " + table).strip()).as("on %s", node).isEqualTo("1");
            }

            ClusterNode down = cluster.node(2, 1);
            down.stop();
            assertThatThrownBy(() -> template.executeOnCluster("ALTER TABLE " + table + " ADD COLUMN extra String"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("1 host did not finish: 127.0.0.1:" + down.tcpPort())
                    .cause().isInstanceOfSatisfying(ClickHouseDistributedDdlException.class, e -> assertThat(
                            e.outcome().unfinishedHosts()).containsExactly("127.0.0.1:" + down.tcpPort()));
            assertThat(cluster.node(1, 1).query("SELECT count() FROM system.columns WHERE table = '" + table
                    + "' AND name = 'extra'").strip()).isEqualTo("1");
        }
    }
}
