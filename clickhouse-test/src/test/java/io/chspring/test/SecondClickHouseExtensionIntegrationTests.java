package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A second class on the same shared server: its own database, and the server is not started twice. */
@ClickHouseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondClickHouseExtensionIntegrationTests {

    private final ClickHouseTestServer server;

    SecondClickHouseExtensionIntegrationTests(ClickHouseTestServer server) {
        this.server = server;
    }

    @BeforeAll
    void record(ClickHouseTestDatabase database) {
        DatabasesSeen.BY_CLASS.put(SecondClickHouseExtensionIntegrationTests.class, database.name());
    }

    @AfterAll
    void finished() {
        DatabasesSeen.FINISHED.put(SecondClickHouseExtensionIntegrationTests.class, true);
    }

    @Test
    void getsItsOwnDatabaseOnTheSameServer(ClickHouseTestDatabase database) {
        assertThat(database.server()).isSameAs(server);
        assertThat(database.name()).startsWith("chspring_secondclickhouseextensionintegrationtests_");
        String other = DatabasesSeen.BY_CLASS.get(ClickHouseExtensionIntegrationTests.class);
        if (other == null) {
            return; // the other class runs after this one and does the comparison
        }
        assertThat(other).isNotEqualTo(database.name());
        if (DatabasesSeen.FINISHED.containsKey(ClickHouseExtensionIntegrationTests.class)) {
            assertThat(server.query("SELECT count() FROM system.databases WHERE name = '" + other + "'").strip()).isEqualTo("0");
        }
    }

    @Test
    void onlyOneServerPerRun(ClickHouseTestServer injected) {
        assertThat(injected).isSameAs(server);
    }
}
