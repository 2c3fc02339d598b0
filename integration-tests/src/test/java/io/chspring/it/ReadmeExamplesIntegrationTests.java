package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterStats;
import io.chspring.client.query.RowCursor;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's examples, run as written (only the URL comes from the harness), so the README stays true. */
@ClickHouseIntegrationTest
class ReadmeExamplesIntegrationTests {

    @Test
    void quickStartRunsAsWritten(ClickHouseTestDatabase db) {
        String url = db.url(db.server().defaultUser()) + "?max_threads=4";
        List<Object> seen = new ArrayList<>();
        // ---- README "Quick start: the client" (from here on, verbatim but for the assertions) ----
        try (ClickHouseClient client = ClickHouseClient.fromUrl(url)) {
            client.execute("CREATE TABLE IF NOT EXISTS events (id UInt64, user_id UInt32, name String, value Float64)"
                    + " ENGINE = MergeTree ORDER BY id");

            record Event(long id, long userId, String name, double value) {}

            try (Insert<Event> insert = client.insert("events", Event.class)) {
                insert.write(new Event(1, 42, "click", 0.5));
                insert.write(new Event(2, 42, "view", 1.5));
                insert.end();
            }

            List<Event> mine = client.query("SELECT ?fields FROM events WHERE user_id = ? ORDER BY id")
                    .bind(42).fetchAll(Event.class);
            try (RowCursor<Event> cursor = client.query("SELECT ?fields FROM events").fetch(Event.class)) {
                for (Event e : cursor) {
                    seen.add(e);
                }
            }
            long n = client.query("SELECT count() FROM events").fetchOne(Long.class);

            assertThat(mine).containsExactly(new Event(1, 42, "click", 0.5), new Event(2, 42, "view", 1.5));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(mine);
            assertThat(n).isEqualTo(2);
        }
    }

    record PageView(long id, long userId, String name, double value) {}

    @Test
    void inserterExampleRunsAsWritten(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE page_views (id UInt64, user_id UInt32, name String, value Float64)"
                + " ENGINE = MergeTree ORDER BY id");
        try (ClickHouseClient client = ClickHouseClient.fromUrl(db.url(db.server().defaultUser()))) {
            // ---- README "Inserter" ----
            Inserter<PageView> inserter = client.inserter("page_views", PageView.class)
                    .maxRows(500_000).maxBytes(64 << 20).period(Duration.ofSeconds(1)).build();
            for (long i = 1; i <= 1000; i++) {
                inserter.write(new PageView(i, i % 7, "p" + i, i / 2.0));
            }
            InserterStats stats = inserter.flush();
            inserter.close();

            assertThat(stats.committedRows()).isEqualTo(1000);
            assertThat(client.query("SELECT count(), sum(id) FROM page_views").fetchOne(Object[].class))
                    .containsExactly(java.math.BigInteger.valueOf(1000), java.math.BigInteger.valueOf(500_500));
        }
    }
}
