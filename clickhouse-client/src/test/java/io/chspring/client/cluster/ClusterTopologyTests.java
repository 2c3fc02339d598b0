package io.chspring.client.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import org.junit.jupiter.api.Test;

class ClusterTopologyTests {

    @Test
    void readsShardsWeightsAndReplicas() {
        // The answer of an 18.16 cluster `c` of 2 shards x 2 replicas to ClusterTopology.QUERY.
        ClusterTopology t = ClusterTopology.parse("c", """
                1\t1\t1\t127.0.0.1\t127.0.0.1\t47311
                1\t1\t2\t127.0.0.1\t127.0.0.1\t47321
                2\t1\t1\t127.0.0.1\t127.0.0.1\t47331
                2\t1\t2\t127.0.0.1\t127.0.0.1\t47341
                """);
        assertThat(t.shards()).hasSize(2);
        assertThat(t.shards().get(1).number()).isEqualTo(2);
        assertThat(t.shards().get(1).replicas()).extracting(ClusterTopology.Replica::port).containsExactly(47331, 47341);
        assertThat(t.hosts()).containsExactly("127.0.0.1");
        assertThat(t.slots().shardOf(3)).isEqualTo(1);
    }

    @Test
    void weightsComeFromTheServer() {
        ClusterTopology t = ClusterTopology.parse("w", "1\t2\t1\ta\t10.0.0.1\t9000\n2\t3\t1\tb\t10.0.0.2\t9000\n");
        assertThat(t.hosts()).containsExactly("a", "b");
        assertThat(t.endpoints("https", 8443)).extracting(Object::toString)
                .containsExactly("https://a:8443", "https://b:8443");
        assertThat(t.slots().shardOf(1)).isEqualTo(0);
        assertThat(t.slots().shardOf(2)).isEqualTo(1);
        assertThat(t.slots().shardOf(4)).isEqualTo(1);
        assertThat(t.slots().shardOf(5)).isEqualTo(0);
    }

    @Test
    void anUnknownClusterIsNamed() {
        assertThatThrownBy(() -> ClusterTopology.parse("nope", ""))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageStartingWith("Cluster 'nope' is not in");
    }
}
