package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real private servers from the installed binary. */
class LocalClickHouseServerIntegrationTests {

    private static final ClickHouseCredentials DEFAULT = new ClickHouseCredentials("default", "");

    private static LocalClickHouseServer server;

    @BeforeAll
    static void start() {
        server = LocalClickHouseServer.builder().binary(LocalBinary.require()).build();
        long started = System.nanoTime();
        server.start();
        System.out.printf("ClickHouse %s started in %d ms on %s%n", server.version(), (System.nanoTime() - started) / 1_000_000, server.url());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersOnLoopbackAndReportsItsVersion() throws IOException {
        assertThat(server.isRunning()).isTrue();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(HttpSql.query(server.url(), DEFAULT, null, "SELECT version()").strip()).isEqualTo(server.version());
        assertThat(HttpSql.query(server.url(), DEFAULT, null, "SELECT timezone()").strip()).isIn("UTC", "Etc/UTC");
        assertThat(Files.readString(server.directory().resolve("etc/config.xml"), StandardCharsets.UTF_8))
                .contains("<listen_host>127.0.0.1</listen_host>")
                .doesNotContain("<tcp_port>");
    }

    @Test
    void aliceNeedsHerPassword() {
        assertThat(HttpSql.query(server.url(), new ClickHouseCredentials("alice", "secret"), null, "SELECT 42").strip()).isEqualTo("42");

        HttpSql.Response wrong = HttpSql.send(server.url(), new ClickHouseCredentials("alice", "wrong"), null, "SELECT 42", Duration.ofSeconds(10));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo(193);
    }

    @Test
    void readonlyUserCanReadButNotInsert() {
        HttpSql.query(server.url(), DEFAULT, null, "CREATE TABLE IF NOT EXISTS default.ro_probe (x UInt8) ENGINE = Memory");
        ClickHouseCredentials ro = new ClickHouseCredentials("ro", "ro");
        assertThat(HttpSql.query(server.url(), ro, null, "SELECT count() FROM default.ro_probe").strip()).isEqualTo("0");

        assertThatThrownBy(() -> HttpSql.query(server.url(), ro, null, "INSERT INTO default.ro_probe VALUES (1)"))
                .isInstanceOf(ClickHouseException.class)
                .satisfies(e -> assertThat(((ClickHouseException) e).errorCode()).isEqualTo(164))
                .hasMessageNotContaining("ro/ro");
    }

    @Test
    void restartKeepsPortAndData(@TempDir Path dir) {
        try (LocalClickHouseServer own = LocalClickHouseServer.builder().binary(LocalBinary.require()).directory(dir).build()) {
            own.start();
            int port = own.port();
            HttpSql.query(own.url(), DEFAULT, null, "CREATE TABLE default.kept (id UInt32, s String) ENGINE = MergeTree ORDER BY id");
            HttpSql.query(own.url(), DEFAULT, null, "INSERT INTO default.kept VALUES (1, 'a'), (2, 'b')");

            own.stop();
            assertThat(own.isRunning()).isFalse();
            assertThatThrownBy(() -> HttpSql.query(own.url(), DEFAULT, null, "SELECT 1")).isInstanceOf(ClickHouseException.class);

            own.start();
            assertThat(own.port()).isEqualTo(port);
            assertThat(HttpSql.query(own.url(), DEFAULT, null, "SELECT sum(id), groupArray(s) FROM default.kept").strip())
                    .isEqualTo("3\t['a','b']");
        }
        // A directory we were given is kept; only the server is gone.
        assertThat(dir.resolve("data")).isDirectory();
    }

    @Test
    void killIsASigkillThatKeepsTheData() {
        try (LocalClickHouseServer own = LocalClickHouseServer.builder().binary(LocalBinary.require())
                .serverConfigXml("<macros><where>here</where></macros>")
                .build()) {
            own.start();
            // The raw section reached config.xml and the server.
            assertThat(HttpSql.query(own.url(), DEFAULT, null, "SELECT substitution FROM system.macros WHERE macro = 'where'").strip())
                    .isEqualTo("here");
            HttpSql.query(own.url(), DEFAULT, null, "CREATE TABLE default.crash (id UInt32) ENGINE = MergeTree ORDER BY id");
            HttpSql.query(own.url(), DEFAULT, null, "INSERT INTO default.crash VALUES (7)");
            long pid = own.pid().orElseThrow();

            own.kill();
            assertThat(own.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid)).isEmpty();

            own.start();
            assertThat(HttpSql.query(own.url(), DEFAULT, null, "SELECT sum(id) FROM default.crash").strip()).isEqualTo("7");
        }
    }

    @Test
    void closeStopsTheServerAndDeletesItsTemporaryDirectory() {
        LocalClickHouseServer own = LocalClickHouseServer.builder().binary(LocalBinary.require()).build();
        own.start();
        Path dir = own.directory();
        String url = own.url();
        own.close();
        own.close();
        assertThat(own.isRunning()).isFalse();
        assertThat(dir).doesNotExist();
        assertThatThrownBy(() -> HttpSql.query(url, DEFAULT, null, "SELECT 1")).isInstanceOf(ClickHouseException.class);
        assertThatThrownBy(own::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void profileSettingsAndServerConfigReachTheServer() {
        try (LocalClickHouseServer own = LocalClickHouseServer.builder().binary(LocalBinary.require())
                .setting("max_result_rows", "12345")
                .serverConfig("max_concurrent_queries", "7")
                .build()) {
            own.start();
            assertThat(HttpSql.query(own.url(), DEFAULT, null, "SELECT value FROM system.settings WHERE name = 'max_result_rows'").strip())
                    .isEqualTo("12345");
            assertThat(Files.exists(own.directory().resolve("etc/config.xml"))).isTrue();
        }
    }

    @Test
    void aServerThatCannotStartFailsWithItsErrorLog() {
        try (LocalClickHouseServer broken = LocalClickHouseServer.builder().binary(LocalBinary.require())
                .serverConfig("path", "/proc/forbidden/")
                .startTimeout(Duration.ofSeconds(20))
                .build()) {
            assertThatThrownBy(broken::start)
                    .isInstanceOf(ClickHouseException.class)
                    .hasMessageContaining("exited with status")
                    .hasMessageContaining("/proc/forbidden");
            assertThat(broken.isRunning()).isFalse();
        }
    }
}
