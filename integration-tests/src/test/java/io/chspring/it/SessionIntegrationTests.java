package io.chspring.it;

import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ServerErrorCodes;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Server sessions on the HTTP server (18.16): state kept between requests, one request at a time, and a session for
 * a whole client ({@code withSession}, {@code session_id} in the URL).
 */
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

    @Test
    void aClientWithASessionRunsEveryRequestInIt(ClickHouseTestDatabase db) {
        String session = "it-client-session-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db)) {
            ClickHouseClient inSession = client.withSession(session, Duration.ofSeconds(30));
            inSession.execute("CREATE TEMPORARY TABLE scratch (x UInt64, s String)");
            // the next query of the session client sees it; so do an untyped insert (its DESCRIBE runs in the
            // session too), a typed read and a prepared query
            assertThat(inSession.query("SELECT count() FROM scratch").fetchOne(Long.class)).isZero();
            inSession.insertRows("scratch", List.of("x", "s"), List.of(new Object[] {1L, "a"}, List.of(2L, "b")));
            assertThat(inSession.query("SELECT sum(x) FROM scratch").fetchOne(Long.class)).isEqualTo(3L);
            assertThat(inSession.prepare("SELECT s FROM scratch WHERE x = :x", String.class).bind("x", 2).fetchOne())
                    .isEqualTo("b");
            inSession.execute("SET max_threads = 3");
            assertThat(inSession.query("SELECT value FROM system.settings WHERE name = 'max_threads'")
                    .fetchOne(String.class)).isEqualTo("3");

            // the client it came from, and a copy without the session, are outside it; a request's own session wins
            serverError(60, () -> client.query("SELECT count() FROM scratch").fetchString("TabSeparated"));
            serverError(60, () -> inSession.withoutSession().query("SELECT count() FROM scratch")
                    .fetchString("TabSeparated"));
            serverError(60, () -> inSession.query("SELECT count() FROM scratch").session(session + "-other")
                    .fetchString("TabSeparated"));
            // copies of the session client stay in the session
            assertThat(inSession.withSetting("max_block_size", 10).query("SELECT count() FROM scratch")
                    .fetchOne(Long.class)).isEqualTo(2L);
        }
    }

    @Test
    void sessionIdInTheUrlPutsTheWholeClientInTheSession(ClickHouseTestDatabase db) {
        String session = "it-url-session-" + UUID.randomUUID();
        try (ClickHouseClient client = ClickHouseClient.fromUrl(db.url(db.server().defaultUser())
                + "?session_id=" + session + "&session_timeout=30")) {
            assertThat(client.config().sessionId()).contains(session);
            client.execute("CREATE TEMPORARY TABLE url_scratch (x UInt64)");
            client.execute("INSERT INTO url_scratch VALUES (7)");
            assertThat(client.query("SELECT x FROM url_scratch").fetchOne(Long.class)).isEqualTo(7L);
        }
        try (ClickHouseClient other = ItSupport.client(db)) {
            serverError(60, () -> other.query("SELECT x FROM url_scratch").fetchString("TabSeparated"));
            assertThat(other.withSession(session).query("SELECT x FROM url_scratch").fetchOne(Long.class))
                    .isEqualTo(7L);
        }
    }
}
