package io.chspring.test;

import java.time.Duration;
import java.util.List;

/** The cluster sections of each node's {@code config.xml}: who the replicas are, where ZooKeeper is, the macros. */
final class ClusterConfig {

    /** The nodes' ZooKeeper session timeout; ZooKeeper (tickTime 1 s) accepts 2..20 s. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final int shards;
    private final int replicas;
    private final int zooKeeperPort;
    private final List<Integer> tcpPorts;

    /** @param tcpPorts the native port of every node, shard by shard and replica by replica */
    ClusterConfig(String name, int shards, int replicas, int zooKeeperPort, List<Integer> tcpPorts) {
        this.name = name;
        this.shards = shards;
        this.replicas = replicas;
        this.zooKeeperPort = zooKeeperPort;
        this.tcpPorts = List.copyOf(tcpPorts);
    }

    String fragment(int shard, int replica) {
        StringBuilder xml = new StringBuilder(2048);
        // Distributed DDL finds "its" entry in remote_servers by host and tcp_port: with every node on 127.0.0.1,
        // distinct tcp ports are what tells them apart.
        xml.append("    <remote_servers>\n        <").append(name).append(">\n");
        for (int s = 1; s <= shards; s++) {
            // Replicated tables copy data between replicas themselves; the Distributed engine writes to one replica.
            xml.append("            <shard>\n                <internal_replication>true</internal_replication>\n");
            for (int r = 1; r <= replicas; r++) {
                xml.append("                <replica><host>127.0.0.1</host><port>")
                        .append(tcpPorts.get((s - 1) * replicas + r - 1)).append("</port></replica>\n");
            }
            xml.append("            </shard>\n");
        }
        xml.append("        </").append(name).append(">\n    </remote_servers>\n");
        // A killed replica's session (and its is_active node, which keeps the restarted replica from becoming active)
        // lives this long: short for failover tests, long enough for heartbeats (every third of it) on a busy machine.
        xml.append("    <zookeeper>\n        <node><host>127.0.0.1</host><port>").append(zooKeeperPort).append("</port></node>\n")
                .append("        <session_timeout_ms>").append(SESSION_TIMEOUT.toMillis()).append("</session_timeout_ms>\n")
                .append("        <operation_timeout_ms>10000</operation_timeout_ms>\n    </zookeeper>\n");
        xml.append("    <macros>\n        <cluster>").append(name).append("</cluster>\n        <shard>").append(shard)
                .append("</shard>\n        <replica>r").append(replica).append("</replica>\n    </macros>\n");
        xml.append("    <distributed_ddl>\n        <path>/clickhouse/task_queue/ddl</path>\n    </distributed_ddl>\n");
        return xml.toString();
    }
}
