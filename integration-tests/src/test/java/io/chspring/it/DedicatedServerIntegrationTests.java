package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.sql.SqlLiterals;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.LocalClickHouseServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tests that need a server of their own: one that logs every query ({@code log_queries=1} in its profile, so that
 * requests the client makes by itself show up too), and one the test may stop.
 */
@ClickHouseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DedicatedServerIntegrationTests {

    private LocalClickHouseServer server;

    @BeforeAll
    void start() {
        server = LocalClickHouseServer.builder().setting("log_queries", "1").build();
        server.start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String logged(String where) {
        ItSupport.post(server.url(), "SYSTEM FLUSH LOGS");
        return ItSupport.post(server.url(), "SELECT count() FROM system.query_log WHERE type = 1 AND " + where);
    }

    @Test
    void theServerVersionIsAskedOncePerRootClient() {
        String agent = "version-once-" + UUID.randomUUID();
        try (ClickHouseClient client = ClickHouseClient.builder().url(server.url()).userAgent(agent).build()) {
            assertThat(client.serverVersion().toString()).isEqualTo(server.version());
            for (int i = 0; i < 3; i++) {
                client.serverVersion();
                client.serverTimeZone(); // asked with the version: no request of its own
                client.withSetting("max_threads", 2).capabilities();
                client.query("SELECT 1").fetchString("TabSeparated");
            }
        }
        String byAgent = "http_user_agent LIKE " + SqlLiterals.toLiteral("%" + agent);
        assertThat(logged(byAgent + " AND query = 'SELECT version(), timezone()'")).isEqualTo("1\n");
        assertThat(logged(byAgent)).isEqualTo("4\n"); // and the three SELECT 1
    }

    @Test
    void queryParametersFailBeforeSendingNamingTheServerVersion() {
        String id = "it-param-" + UUID.randomUUID();
        try (ClickHouseClient client = ClickHouseClient.fromUrl(server.url())) {
            Throwable thrown = catchThrowable(() -> client.query("SELECT {x:UInt8}").param("x", 5).queryId(id)
                    .fetchString("TabSeparated"));
            assertThat(thrown).isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("[x]").hasMessageContaining("19.11")
                    .hasMessageContaining("runs " + server.version()).hasMessageContaining("bind(");
        }
        assertThat(logged("query_id = " + SqlLiterals.toLiteral(id))).isEqualTo("0\n");
    }

    @Test
    void aStoppedServerIsAConnectionFailureAndTheClientRecoversAfterARestart() {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(server.url())) {
            assertThat(client.query("SELECT 1").fetchString("TabSeparated")).isEqualTo("1\n");
            server.stop();
            try {
                Throwable thrown = catchThrowable(() -> client.query("SELECT 2").fetchString("TabSeparated"));
                assertThat(thrown).isInstanceOf(ClickHouseTransportException.class)
                        .hasMessageContaining("127.0.0.1:" + server.port());
                assertThat(((ClickHouseTransportException) thrown).isRetryable()).isTrue();
            } finally {
                server.start();
            }
            // the pooled connection to the old process is dead; the client must not hand it out as a failure
            assertThat(client.query("SELECT 3").fetchString("TabSeparated")).isEqualTo("3\n");
            assertThat(client.execute("SELECT 4").queryId()).isNotNull();
        }
    }
}
