package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test support says which server it started, at INFO, so a failure on one machine can be traced to it. */
class TestSupportLoggingIntegrationTests {

    @Test
    void startingAServerLogsItsVersionPortAndDataDirectoryAtInfo() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // slf4j-simple, the test binding, writes INFO to System.err and looks it up on every line
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (LocalClickHouseServer server = LocalClickHouseServer.builder().binary(LocalBinary.require()).build()) {
            server.start();
            System.err.flush();
            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("INFO")
                    .contains("Started ClickHouse " + server.version())
                    .contains("port " + server.port())
                    .contains("data directory " + server.directory());
        } finally {
            System.setErr(original);
        }
    }
}
