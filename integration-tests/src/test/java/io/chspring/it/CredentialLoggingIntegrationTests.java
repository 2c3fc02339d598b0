package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.test.ClickHouseCredentials;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Credentials stay out of the logs when users switch on DEBUG for Apache HttpClient (its header and wire loggers
 * print request headers and bytes) and for the client itself. A separate JVM runs {@link CredentialLogProbe} against
 * the real server with slf4j-simple at DEBUG for {@code org.apache.hc} and {@code io.chspring}; its whole output is
 * searched.
 */
@ClickHouseIntegrationTest
class CredentialLoggingIntegrationTests {

    private static final String TOKEN = "tok-9f8e7d6c5b4a";
    private static final String CUSTOM = "custom-1a2b3c4d5e";

    @Test
    void noCredentialInHttpClientsOrOurDebugLogs(ClickHouseTestServer server) throws Exception {
        ClickHouseCredentials alice = server.passwordUser()
                .orElseThrow(() -> new AssertionError("the test server has no password user"));
        String basic = Base64.getEncoder().encodeToString((alice.user() + ":" + alice.password())
                .getBytes(StandardCharsets.UTF_8));

        JvmProcess.Result run = JvmProcess.run(CredentialLogProbe.class, List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.hc=debug",
                "-Dorg.slf4j.simpleLogger.log.io.chspring=debug",
                "-Dorg.slf4j.simpleLogger.logFile=System.out"),
                List.of(server.url(), alice.user(), alice.password(), TOKEN, CUSTOM), 60);
        String log = run.output();

        assertThat(run.exitCode()).as(log).isZero();
        // the run did what it should, and the loggers were on
        assertThat(log).contains("PROBE one=1").contains("PROBE inserted");
        assertThat(log).contains("org.apache.hc.client5");
        assertThat(log).doesNotContain(alice.password()).doesNotContain(basic).doesNotContain(TOKEN)
                .doesNotContain(CUSTOM);
        assertThat(log).contains("X-ClickHouse-Key: [redacted]").contains("Authorization: [redacted]")
                .contains("X-Custom-Secret: [redacted]");
    }
}
