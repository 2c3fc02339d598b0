package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The extension as a user sees it: injected server and database, one database per class. */
@ClickHouseIntegrationTest
class ClickHouseExtensionIntegrationTests {

    private final ClickHouseTestDatabase fromConstructor;
    private ClickHouseTestServer fromBeforeEach;

    ClickHouseExtensionIntegrationTests(ClickHouseTestDatabase database) {
        this.fromConstructor = database;
    }

    @BeforeAll
    static void record(ClickHouseTestDatabase database, ClickHouseTestServer server) {
        assertThat(database.server()).isSameAs(server);
        DatabasesSeen.BY_CLASS.put(ClickHouseExtensionIntegrationTests.class, database.name());
    }

    @BeforeEach
    void inject(ClickHouseTestServer server) {
        this.fromBeforeEach = server;
    }

    @AfterAll
    static void finished() {
        DatabasesSeen.FINISHED.put(ClickHouseExtensionIntegrationTests.class, true);
    }

    @Test
    void everyInjectionPointGetsTheSameServerAndDatabase(ClickHouseTestServer server, ClickHouseTestDatabase database) {
        assertThat(fromBeforeEach).isSameAs(server);
        assertThat(fromConstructor).isSameAs(database);
        assertThat(server.kind()).isIn("env", "testcontainers", "local");
        assertThat(server.url()).isEqualTo("http://" + server.host() + ":" + server.port());
        assertThat(server.version()).matches("\\d+\\.\\d+.*");
    }

    @Test
    void theDatabaseExistsAndIsTheCurrentOneForItsQueries(ClickHouseTestDatabase database) {
        assertThat(database.name()).startsWith("chspring_clickhouseextensionintegrationtests_");
        assertThat(database.url()).isEqualTo(database.server().url() + "/" + database.name());
        assertThat(database.server().query("SELECT count() FROM system.databases WHERE name = '" + database.name() + "'").strip())
                .isEqualTo("1");

        database.query("CREATE TABLE t (id UInt32) ENGINE = MergeTree ORDER BY id");
        database.query("INSERT INTO t VALUES (7)");
        assertThat(database.query("SELECT currentDatabase(), sum(id) FROM t").strip()).isEqualTo(database.name() + "\t7");
    }

    @Test
    void theUrlWithCredentialsEncodesThem(ClickHouseTestDatabase database) {
        String url = database.url(new ClickHouseCredentials("al ice", "p@ss:w/rd"));
        assertThat(url).isEqualTo(database.server().url().replace("://", "://al%20ice:p%40ss%3Aw%2Frd@") + "/" + database.name());
    }

    @Test
    void serverErrorsKeepTheirCode(ClickHouseTestDatabase database) {
        assertThatThrownBy(() -> database.query("SELEC 1"))
                .isInstanceOf(ClickHouseException.class)
                .satisfies(e -> assertThat(((ClickHouseException) e).errorCode()).isEqualTo(62));
    }

    @Test
    void localServersHaveThePasswordAndReadonlyUsers(ClickHouseTestServer server) {
        if (!server.kind().equals("local")) {
            return;
        }
        assertThat(server.defaultUser()).isEqualTo(new ClickHouseCredentials("default", ""));
        assertThat(server.passwordUser()).contains(new ClickHouseCredentials("alice", "secret"));
        assertThat(server.readonlyUser()).contains(new ClickHouseCredentials("ro", "ro"));
        assertThat(HttpSql.query(server.url(), server.passwordUser().orElseThrow(), null, "SELECT 1").strip()).isEqualTo("1");
    }

    @Test
    void anotherTestClassGetsAnotherDatabaseWhichIsDroppedAfterIt(ClickHouseTestDatabase database) {
        String other = DatabasesSeen.BY_CLASS.get(SecondClickHouseExtensionIntegrationTests.class);
        if (other == null) {
            return; // the other class runs after this one and does the comparison
        }
        assertThat(other).isNotEqualTo(database.name());
        if (DatabasesSeen.FINISHED.containsKey(SecondClickHouseExtensionIntegrationTests.class)) {
            assertThat(database.server().query("SELECT count() FROM system.databases WHERE name = '" + other + "'").strip()).isEqualTo("0");
        }
    }

    @Nested
    class NestedClass {

        @Test
        void sharesTheOuterClassDatabase(ClickHouseTestDatabase database) {
            assertThat(database).isSameAs(fromConstructor);
        }
    }
}
