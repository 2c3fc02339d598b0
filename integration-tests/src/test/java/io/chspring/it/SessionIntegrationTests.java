package io.chspring.it;

import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ServerErrorCodes;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Server sessions: state kept between requests, and one request at a time. */
@ClickHouseIntegrationTest
class SessionIntegrationTests {

    @Test
    void aTemporaryTableLivesAcrossTheRequestsOfItsSession(ClickHouseTestDatabase db) {
        String session = "it-session-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db)) {
            client.query("CREATE TEMPORARY TABLE scratch (x UInt64)").session(session)
                    .sessionTimeout(Duration.ofSeconds(30)).execute();
            client.query("INSERT INTO scratch VALUES (1), (2), (3)").session(session).execute();
            client.insert("scratch").format("TabSeparated").session(session)
                    .send(out -> out.write(new byte[] {'4', '\n'}));
            assertThat(client.query("SELECT sum(x) FROM scratch").session(session).fetchString("TabSeparated"))
                    .isEqualTo("10\n");
            // SET persists too
            client.query("SET max_threads = 5").session(session).execute();
            assertThat(client.query("SELECT value FROM system.settings WHERE name = 'max_threads'").session(session)
                    .fetchString("TabSeparated")).isEqualTo("5\n");

            // Outside the session the table does not exist; in another session neither.
            serverError(60, () -> client.query("SELECT sum(x) FROM scratch").fetchString("TabSeparated"));
            serverError(60, () -> client.query("SELECT sum(x) FROM scratch").session(session + "-other")
                    .fetchString("TabSeparated"));
        }
    }

    @Test
    void concurrentUseOfOneSessionFailsWith373NamingTheSession(ClickHouseTestDatabase db) throws Exception {
        String session = "it-busy-" + UUID.randomUUID();
        String slowId = "it-busy-slow-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db)) {
            // ~1.5 s: 1,500 rows at 1 ms, in blocks of 100
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> client
                    .query("SELECT count() FROM numbers(1500) WHERE NOT ignore(sleepEachRow(0.001))")
                    .setting("max_block_size", 100).session(session).queryId(slowId).fetchString("TabSeparated"));
            ItSupport.await("the slow query runs", Duration.ofSeconds(10), () -> ItSupport.running(db, slowId));

            ClickHouseServerException e = serverError(ServerErrorCodes.SESSION_IS_LOCKED,
                    () -> client.query("SELECT 1").session(session).fetchString("TabSeparated"));
            assertThat(e.getMessage()).contains("Session is locked by a concurrent client")
                    .contains("session_id=" + session);
            assertThat(e.errorName()).isEqualTo("SESSION_IS_LOCKED");
            assertThat(e.isRetryable()).isTrue(); // once the running request ends, the same request succeeds

            assertThat(slow.get()).isEqualTo("1500\n");
            assertThat(client.query("SELECT 1").session(session).fetchString("TabSeparated")).isEqualTo("1\n");
        }
    }
}
