package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CLICKHOUSE_URL wins over everything else, and its credentials become the default user. */
class EnvironmentUrlIntegrationTests {

    private static LocalClickHouseServer server;

    @BeforeAll
    static void start() {
        server = LocalClickHouseServer.builder().binary(LocalBinary.require()).build();
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void urlWithCredentialsAndDatabase() {
        Map<String, String> env = Map.of(
                "CLICKHOUSE_URL", "http://alice:secret@127.0.0.1:" + server.port() + "/default?max_threads=1",
                "CLICKHOUSE_TEST_READONLY_USER", "ro:ro",
                "CLICKHOUSE_BINARY", "/nonexistent/never-used");

        try (RunningTestServer selected = new EngineSelector(env, List.of(Path.of("/nonexistent")), false).select().server()) {
            assertThat(selected.kind()).isEqualTo("env");
            assertThat(selected.url()).isEqualTo(server.url());
            assertThat(selected.host()).isEqualTo("127.0.0.1");
            assertThat(selected.port()).isEqualTo(server.port());
            assertThat(selected.version()).isEqualTo(server.version());
            assertThat(selected.defaultUser()).isEqualTo(new ClickHouseCredentials("alice", "secret"));
            assertThat(selected.passwordUser()).isEmpty();
            assertThat(selected.readonlyUser()).contains(new ClickHouseCredentials("ro", "ro"));
            assertThat(selected.toString()).doesNotContain("secret");

            TestDatabase database = TestDatabase.create(selected, "EnvironmentUrlIntegrationTests");
            assertThat(database.query("SELECT currentDatabase()").strip()).isEqualTo(database.name());
            database.close();
            assertThat(selected.query("SELECT count() FROM system.databases WHERE name = '" + database.name() + "'").strip()).isEqualTo("0");
        }
        // The harness did not start that server, so closing the selection leaves it running.
        assertThat(server.isRunning()).isTrue();
    }
}
