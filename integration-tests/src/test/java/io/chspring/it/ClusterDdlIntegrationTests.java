package io.chspring.it;

import static io.chspring.it.ClusterSupport.ddlName;
import static io.chspring.it.ClusterSupport.unique;
import static io.chspring.it.ClusterSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.cluster.ClickHouseDistributedDdlException;
import io.chspring.client.cluster.DistributedDdlOutcome;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import org.junit.jupiter.api.Test;

/** {@code ON CLUSTER} DDL through the client on the real cluster: the outcome per host, and the host that is down. */
@ClickHouseClusterTest
class ClusterDdlIntegrationTests {

    @Test
    void runsOnEveryHostAndNamesTheOneThatIsDown(LocalClickHouseCluster cluster) {
        String table = unique("ddl");
        try (ClickHouseClient client = ClickHouseClient.fromUrl(url(cluster, "?cluster=c&distributed_ddl_task_timeout=3"))) {
            DistributedDdlOutcome ok = client.executeOnCluster("CREATE TABLE " + table + " (id UInt64) ENGINE = Memory");
            assertThat(ok.succeeded()).isTrue();
            assertThat(ok.hosts()).extracting(DistributedDdlOutcome.HostResult::address)
                    .containsExactlyInAnyOrderElementsOf(cluster.nodes().stream().map(ClusterSupport::ddlName).toList());
            for (ClusterNode node : cluster.nodes()) {
                assertThat(node.query("EXISTS TABLE " + table).strip()).isEqualTo("1");
            }

            assertThatThrownBy(() -> client.executeOnCluster("CREATE TABLE " + table + " (id UInt64) ENGINE = Memory"))
                    .isInstanceOfSatisfying(ClickHouseDistributedDdlException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(57);
                        assertThat(e.outcome().failedHosts()).hasSize(1).first().isIn(
                                cluster.nodes().stream().map(ClusterSupport::ddlName).toList());
                        assertThat(e.getMessage()).contains("failed on 127.0.0.1:").contains("already exists");
                    });

            ClusterNode down = cluster.node(2, 2);
            down.stop();
            assertThatThrownBy(() -> client.executeOnCluster("DROP TABLE " + table))
                    .isInstanceOfSatisfying(ClickHouseDistributedDdlException.class, e -> {
                        assertThat(e.outcome().unfinishedHosts()).containsExactly(ddlName(down));
                        assertThat(e.getMessage()).contains("1 host did not finish: " + ddlName(down));
                    });
            assertThat(cluster.node(1, 1).query("EXISTS TABLE " + table).strip()).isEqualTo("0");
        }
    }

    @Test
    void anUnknownClusterFailsAtStartUp(LocalClickHouseCluster cluster) {
        assertThatThrownBy(() -> { try (ClickHouseClient c = ClickHouseClient.fromUrl(url(cluster, "?cluster=nope"))) { c.clusterTopology(); } })
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'nope'");
    }
}
