package io.chspring.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that spreads requests over several endpoints needs a cluster for its migrations: without one, the history
 * and lease tables would land on whichever node served the request and each node would keep its own history. The two
 * endpoints here are one real 18.16 server under two names, so the refusal is the client's, before anything runs.
 */
@ClickHouseIntegrationTest
class SeveralEndpointsIntegrationTests {

    @TempDir
    Path scripts;

    @Test
    void severalEndpointsWithoutAClusterAreRefusedBeforeAnythingRuns(ClickHouseTestDatabase db) throws IOException {
        Files.writeString(scripts.resolve("V1__t.sql"), "CREATE TABLE t (id UInt64) ENGINE = Log");
        int port = db.server().port();
        try (ClickHouseClient client = ClickHouseClient.fromUrl(
                "http://127.0.0.1:" + port + ",localhost:" + port + "/" + db.name())) {
            ClickHouseMigrations migrations = ClickHouseMigrations.builder(client)
                    .locations("filesystem:" + scripts).build();
            assertThatThrownBy(migrations::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("2 endpoints but no cluster is set")
                    .hasMessageContaining("clickhouse.migrations.cluster");
        }
        assertThat(db.query("SELECT count() FROM system.tables WHERE database = '" + db.name() + "'").strip())
                .as("nothing was created: no history, no lease, no script").isEqualTo("0");
    }
}
