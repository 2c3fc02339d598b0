package io.chspring.client.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistributedTableTests {

    @Test
    void readsTheEngineAsTheServerPrintsIt() {
        // engine_full of `CREATE TABLE t_all AS t ENGINE = Distributed(c, default, t, cityHash64(id))` on 18.16
        DistributedTable d = DistributedTable.parse("t_all", "Distributed", "Distributed(c, default, t, cityHash64(id))");
        assertThat(d).isEqualTo(new DistributedTable("c", "default", "t", Optional.of("cityHash64(id)")));
        assertThat(DistributedTable.parse("x", "Distributed", "Distributed('my c', `db`, 'local', rand())"))
                .isEqualTo(new DistributedTable("my c", "db", "local", Optional.of("rand()")));
        assertThat(DistributedTable.parse("x", "Distributed", "Distributed(c, db, local)").shardingKey()).isEmpty();
    }

    @Test
    void otherEnginesAreRefusedByName() {
        assertThatThrownBy(() -> DistributedTable.parse("t", "ReplicatedMergeTree", "ReplicatedMergeTree(...)"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessage("Table 't' is a ReplicatedMergeTree table, not a Distributed table");
        assertThatThrownBy(() -> DistributedTable.parse("t", null, null))
                .hasMessage("Table 't' is not found, not a Distributed table");
    }
}
