package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.insert.Insert;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On 18.16, which has no {@code insert_deduplication_token}, a Replicated table skips a block identical to one it
 * stored recently (by its hash, {@code replicated_deduplication_window} blocks): a stream resent whole after its
 * first block was stored stores every row once. Real ZooKeeper and 18.16 servers of the cluster fixture. (A stream
 * closed without {@code end()} stored nothing in this table in the one run tried: a Replicated insert commits each
 * block through ZooKeeper, and the abort arrived first; the first block is therefore stored by an insert of it.)
 */
@ClickHouseClusterTest
class ReplicatedBlockDeduplicationIntegrationTests {

    record Id(long id) {
    }

    static final long BLOCK = 1_048_576;
    static final long ROWS = 2_500_000;

    private static String db;
    private static ClickHouseClient client;

    @BeforeAll
    static void setUp(LocalClickHouseCluster cluster) {
        db = "chspring_repdedup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        ClusterNode node = cluster.node(1, 1);
        node.query("CREATE DATABASE " + db);
        node.query("CREATE TABLE " + db + ".rep (id UInt64) ENGINE = ReplicatedMergeTree('/clickhouse/tables/" + db
                + "/rep', 'r1') ORDER BY id");
        client = ClickHouseClient.fromUrl(node.httpUrl() + "/" + db);
    }

    @AfterAll
    static void tearDown(LocalClickHouseCluster cluster) {
        if (client != null) {
            client.close();
        }
        cluster.node(1, 1).query("DROP DATABASE IF EXISTS " + db);
    }

    @Test
    void aStreamResentWholeAfterItsFirstBlockWasStoredStoresEveryRowOnce() {
        // what a stream that broke off after its first block left behind: that block
        send(BLOCK);
        assertThat(count("SELECT count() FROM " + db + ".rep")).isEqualTo(BLOCK);

        // the resend of the whole stream: its first block has the same content, so the same hash, and is skipped
        send(ROWS);
        assertThat(count("SELECT count() FROM " + db + ".rep")).as("each block stored once").isEqualTo(ROWS);
        assertThat(count("SELECT uniqExact(id) FROM " + db + ".rep")).isEqualTo(ROWS);

        // and again, as after a lost acknowledgement: every block is a duplicate
        send(ROWS);
        assertThat(count("SELECT count() FROM " + db + ".rep")).isEqualTo(ROWS);
    }

    private static void send(long rows) {
        try (Insert<Id> insert = client.insert("rep", Id.class)) {
            for (long id = 0; id < rows; id++) {
                insert.write(new Id(id));
            }
            insert.end();
        }
    }

    private long count(String sql) {
        return Long.parseLong(client.query(sql).fetchString("TabSeparated").strip());
    }
}
