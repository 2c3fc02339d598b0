package io.chspring.it;

import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ServerErrorCodes;
import io.chspring.test.ClickHouseCredentials;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logins against a real server: both ways of sending credentials, wrong ones (401), and the readonly profile. */
@ClickHouseIntegrationTest
class AuthenticationIntegrationTests {

    private static final String WRONG_PASSWORD = "Wr0ng-pa55word-" + UUID.randomUUID();

    @BeforeAll
    static void schema(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE events (id UInt64) ENGINE = Memory");
        db.query("INSERT INTO events VALUES (1), (2)");
    }

    /** The user the server ran a query as, from system.processes (18.16 has no currentUser()). */
    private static String userOf(ClickHouseClient client) {
        String id = "whoami-" + UUID.randomUUID();
        return client.query("SELECT user FROM system.processes WHERE query_id = ?").bind(id).queryId(id)
                .fetchString("TabSeparated");
    }

    private static ClickHouseCredentials alice(ClickHouseTestDatabase db) {
        return db.server().passwordUser().orElseThrow(() -> new AssertionError("the test server has no password user"));
    }

    @ParameterizedTest(name = "basicAuth={0}")
    @ValueSource(booleans = {false, true})
    void passwordUserLogsIn(boolean basicAuth, ClickHouseTestDatabase db) {
        ClickHouseCredentials alice = alice(db);
        try (ClickHouseClient client = ClickHouseClient.builder().endpoint(db.server().url()).database(db.name())
                .credentials(alice.user(), alice.password()).basicAuth(basicAuth).build()) {
            assertThat(userOf(client)).isEqualTo(alice.user() + "\n");
            assertThat(client.query("SELECT sum(id) FROM events").fetchString("TabSeparated")).isEqualTo("3\n");
        }
    }

    @Test
    void credentialsAndDatabaseComePercentDecodedFromTheUrl(ClickHouseTestDatabase db) {
        ClickHouseCredentials alice = alice(db);
        try (ClickHouseClient client = ClickHouseClient.fromUrl(db.url(alice))) {
            assertThat(userOf(client)).isEqualTo(alice.user() + "\n");
            assertThat(client.query("SELECT currentDatabase()").fetchString("TabSeparated")).isEqualTo(db.name() + "\n");
        }
    }

    @ParameterizedTest(name = "basicAuth={0}")
    @ValueSource(booleans = {false, true})
    void wrongPasswordIs401WithCode193AndTheMessageHidesThePassword(boolean basicAuth, ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ClickHouseClient.builder().endpoint(db.server().url())
                .credentials(alice(db).user(), WRONG_PASSWORD).basicAuth(basicAuth).build()) {
            ClickHouseServerException e = serverError(ServerErrorCodes.WRONG_PASSWORD,
                    () -> client.query("SELECT 1").fetchString("TabSeparated"));
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("Wrong password for user " + alice(db).user())
                    .doesNotContain(WRONG_PASSWORD);
            assertThat(e.toString()).doesNotContain(WRONG_PASSWORD);
        }
    }

    @Test
    void unknownUserIs401WithCode192(ClickHouseTestDatabase db) {
        String user = "nobody_" + UUID.randomUUID().toString().substring(0, 8);
        try (ClickHouseClient client = ClickHouseClient.builder().endpoint(db.server().url())
                .credentials(user, WRONG_PASSWORD).basicAuth(true).build()) {
            ClickHouseServerException e = serverError(ServerErrorCodes.UNKNOWN_USER, () -> client.execute("SELECT 1"));
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).contains("Unknown user " + user).doesNotContain(WRONG_PASSWORD);
        }
    }

    @Test
    void authenticationHeadersCannotBeAddedByHand() {
        // The server refuses mixed methods with code 194; the client refuses them before a request exists.
        assertThatThrownBy(() -> ClickHouseClient.builder().endpoint("http://127.0.0.1:1")
                .header("Authorization", "Basic YWxpY2U6c2VjcmV0"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("Authorization");
    }

    @Test
    void readonlyUserReadsButCannotWrite(ClickHouseTestDatabase db) {
        ClickHouseCredentials ro = db.server().readonlyUser()
                .orElseThrow(() -> new AssertionError("the test server has no readonly user"));
        try (ClickHouseClient client = ClickHouseClient.fromUrl(db.url(ro))) {
            assertThat(client.query("SELECT count() FROM events").fetchString("TabSeparated")).isEqualTo("2\n");
            assertThat(client.serverVersion().major()).isPositive();

            ClickHouseServerException insert = serverError(ServerErrorCodes.READONLY,
                    () -> client.insert("events").format("TabSeparated").send(out -> out.write("3\n".getBytes(StandardCharsets.US_ASCII))));
            assertThat(insert.getMessage()).contains("readonly mode");
            serverError(ServerErrorCodes.READONLY, () -> client.execute("CREATE TABLE ro_made (x UInt8) ENGINE = Memory"));
            ClickHouseServerException setting = serverError(ServerErrorCodes.READONLY,
                    () -> client.query("SELECT 1").setting("max_result_rows", 10).fetchString("TabSeparated"));
            assertThat(setting.getMessage()).contains("max_result_rows").contains("readonly");
        }
        assertThat(db.query("SELECT count() FROM events")).isEqualTo("2\n");
        assertThat(db.query("EXISTS TABLE ro_made")).isEqualTo("0\n");
    }
}
