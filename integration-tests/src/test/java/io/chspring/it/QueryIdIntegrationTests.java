package io.chspring.it;

import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.QuerySummary;
import io.chspring.client.ServerErrorCodes;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Query ids the client sends are the server's: they show up in {@code system.query_log} and in errors. */
@ClickHouseIntegrationTest
class QueryIdIntegrationTests {

    /** The (type, query) rows the server logged for a query id; 18.16 logs only with log_queries=1. */
    private static String logOf(ClickHouseTestDatabase db, String queryId) {
        // 18.16 writes the QueryFinish row only after it has answered, so one flush right after the answer can
        // miss it under load: flush and look again until the finish row (type 2) is there, for at most 10 s.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            db.query("SYSTEM FLUSH LOGS");
            String rows = db.query("SELECT type, query FROM system.query_log WHERE query_id = '" + queryId
                    + "' ORDER BY type FORMAT TabSeparated");
            if (rows.contains("2\t") || System.nanoTime() > deadline) {
                return rows;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return rows;
            }
        }
    }

    @Test
    void aChosenQueryIdAppearsInTheQueryLog(ClickHouseTestDatabase db) {
        String id = "it-qid-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db).withSetting("log_queries", 1)) {
            assertThat(client.query("SELECT 42").queryId(id).fetchString("TabSeparated")).isEqualTo("42\n");
        }
        // type 1 = QueryStart, 2 = QueryFinish
        assertThat(logOf(db, id)).isEqualTo("1\tSELECT 42\n2\tSELECT 42\n");
    }

    @Test
    void aGeneratedQueryIdIsReportedAndLogged(ClickHouseTestDatabase db) {
        QuerySummary summary;
        try (ClickHouseClient client = ItSupport.client(db).withSetting("log_queries", 1)) {
            summary = client.execute("SELECT 7");
        }
        assertThat(UUID.fromString(summary.queryId())).isNotNull();
        assertThat(summary.readRows()).isEmpty(); // 18.16 sends no X-ClickHouse-Summary: unknown, not 0
        assertThat(logOf(db, summary.queryId())).isEqualTo("1\tSELECT 7\n2\tSELECT 7\n");
    }

    @Test
    void aServerErrorCarriesTheQueryId(ClickHouseTestDatabase db) {
        String id = "it-qid-err-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db)) {
            ClickHouseServerException e = serverError(ServerErrorCodes.SYNTAX_ERROR,
                    () -> client.query("SELEC 1").queryId(id).fetchString("TabSeparated"));
            assertThat(e.queryId()).isEqualTo(id);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("[query_id=" + id + "]").contains("Syntax error");
        }
    }
}
