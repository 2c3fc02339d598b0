package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterConfigTests {

    private final ClusterConfig config = new ClusterConfig("c", 2, 2, 2181, List.of(9001, 9002, 9003, 9004));

    @Test
    void everyNodeListsTheWholeClusterByNativePortWithInternalReplication() {
        String node3 = config.fragment(2, 1);
        assertThat(node3).contains("""
                    <remote_servers>
                        <c>
                            <shard>
                                <internal_replication>true</internal_replication>
                                <replica><host>127.0.0.1</host><port>9001</port></replica>
                                <replica><host>127.0.0.1</host><port>9002</port></replica>
                            </shard>
                            <shard>
                                <internal_replication>true</internal_replication>
                                <replica><host>127.0.0.1</host><port>9003</port></replica>
                                <replica><host>127.0.0.1</host><port>9004</port></replica>
                            </shard>
                        </c>
                    </remote_servers>
                """);
        assertThat(config.fragment(1, 1)).contains(node3.substring(0, node3.indexOf("</remote_servers>")));
    }

    @Test
    void macrosNameTheNodesShardAndReplica() {
        assertThat(config.fragment(2, 1)).contains("<macros>\n        <cluster>c</cluster>\n        <shard>2</shard>\n"
                + "        <replica>r1</replica>\n    </macros>");
        assertThat(config.fragment(1, 2)).contains("<shard>1</shard>\n        <replica>r2</replica>");
    }

    @Test
    void zooKeeperAndDistributedDdl() {
        assertThat(config.fragment(1, 1))
                .contains("<node><host>127.0.0.1</host><port>2181</port></node>")
                .contains("<session_timeout_ms>5000</session_timeout_ms>")
                .contains("<distributed_ddl>\n        <path>/clickhouse/task_queue/ddl</path>\n    </distributed_ddl>");
    }
}
