package io.chspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The service's endpoints over HTTP, on the harness's real server (ClickHouse 18.16 here). */
@ClickHouseIntegrationTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PageViewApiIntegrationTests {

    private static ClickHouseTestDatabase db;

    @LocalServerPort
    int port;

    SampleHttp http;

    @BeforeAll
    static void database(ClickHouseTestDatabase database) {
        db = database;
    }

    @DynamicPropertySource
    static void clickhouse(DynamicPropertyRegistry registry) {
        // Read lazily, when the context starts: after @BeforeAll has the database.
        registry.add("clickhouse.url", () -> db.url());
        registry.add("clickhouse.inserter.tables.page_views.period", () -> "100ms");
    }

    @BeforeEach
    void setUp() {
        http = new SampleHttp(port);
        db.query("TRUNCATE TABLE page_views");
    }

    @Test
    void postedEventsLandInTheTable() {
        SampleHttp.Response one = http.post("/events", """
                {"path": "/pricing", "userId": "u1", "referrer": "google", "durationMs": 1200}""");
        assertThat(one.status()).isEqualTo(202);
        assertThat(one.body()).isEqualTo("{\"accepted\":1}");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add("{\"path\": \"/docs/" + (i % 5) + "\", \"userId\": \"u" + (i % 7) + "\"}");
        }
        SampleHttp.Response many = http.post("/events", "[" + String.join(",", batch) + "]");
        assertThat(many.status()).isEqualTo(202);
        assertThat(many.body()).isEqualTo("{\"accepted\":250}");

        SampleHttp.awaitCount(db, "page_views", 251);
        assertThat(db.query("SELECT path, user_id, referrer, duration_ms FROM page_views WHERE path = '/pricing'"))
                .isEqualTo("/pricing\tu1\tgoogle\t1200\n");
        assertThat(db.query("SELECT uniqExact(path), uniqExact(user_id) FROM page_views WHERE path LIKE '/docs/%'"))
                .isEqualTo("5\t7\n");
    }

    @Test
    void statsAnswerFromTheStoredRows() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant twoMinutesAgo = now.minus(2, ChronoUnit.MINUTES);
        Instant twoHoursAgo = now.minus(2, ChronoUnit.HOURS);
        http.post("/events", "[" + String.join(",",
                event(twoMinutesAgo, "/a", "u1"), event(twoMinutesAgo, "/a", "u2"), event(twoMinutesAgo, "/a", "u1"),
                event(now, "/b", "u3"), event(now, "/a", "u3"),
                event(twoHoursAgo, "/old", "u9")) + "]");
        SampleHttp.awaitCount(db, "page_views", 6);

        JsonNode top = http.getJson("/stats/top-pages?minutes=60&limit=10");
        assertThat(top).hasSize(2);
        assertThat(top.get(0).get("path").asString()).isEqualTo("/a");
        assertThat(top.get(0).get("views").asLong()).isEqualTo(4);
        assertThat(top.get(0).get("users").asLong()).isEqualTo(3);
        assertThat(top.get(1).get("path").asString()).isEqualTo("/b");

        JsonNode perMinute = http.getJson("/stats/views-per-minute?minutes=60");
        assertThat(perMinute).hasSize(2);
        assertThat(Instant.parse(perMinute.get(0).get("minute").asString())).isEqualTo(twoMinutesAgo);
        assertThat(perMinute.get(0).get("views").asLong()).isEqualTo(3);
        assertThat(Instant.parse(perMinute.get(1).get("minute").asString())).isEqualTo(now);
        assertThat(perMinute.get(1).get("views").asLong()).isEqualTo(2);

        assertThat(http.getJson("/stats/unique-users?minutes=60").get("uniqueUsers").asLong()).isEqualTo(3);
        assertThat(http.getJson("/stats/unique-users?minutes=180").get("uniqueUsers").asLong()).isEqualTo(4);

        JsonNode page = http.getJson("/stats/pages?path=/a&minutes=60");
        assertThat(page.get("views").asLong()).isEqualTo(4);
        assertThat(page.get("latest")).hasSize(4);
        assertThat(Instant.parse(page.get("latest").get(0).get("ts").asString())).isEqualTo(now);

        JsonNode user = http.getJson("/stats/users?userId=u3&minutes=60");
        assertThat(user).hasSize(2);
    }

    @Test
    void aBadEventRejectsTheWholeRequest() {
        SampleHttp.Response response = http.post("/events", """
                [{"path": "/ok", "userId": "u1"}, {"userId": "u2"}]""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("path is required");
        SampleHttp.Response wrongType = http.post("/events",
                "{\"path\": \"/x\", \"userId\": \"u1\", \"durationMs\": \"long\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("malformed event");
        assertThat(http.get("/stats/top-pages?limit=0").status()).isEqualTo(400);
        http.post("/events", "{\"path\": \"/marker\", \"userId\": \"u1\"}");
        SampleHttp.awaitCount(db, "page_views", 1);
        assertThat(db.query("SELECT path FROM page_views")).isEqualTo("/marker\n");
    }

    @Test
    void dashboardHealthAndMetricsAreServed() {
        SampleHttp.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<svg id=\"chart\"").contains("/stats/views-per-minute");

        JsonNode health = http.getJson("/actuator/health");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/clickhouse/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/clickhouse/details/version").asString()).isEqualTo(db.server().version());

        http.post("/events", "{\"path\": \"/m\", \"userId\": \"u1\"}");
        SampleHttp.awaitCount(db, "page_views", 1);
        assertThat(http.getJson("/actuator/metrics").get("names").toString()).contains("clickhouse.client.requests");
        JsonNode rows = http.getJson("/actuator/metrics/clickhouse.inserter.rows?tag=inserter:pageViewInserter");
        assertThat(rows.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    private static String event(Instant ts, String path, String user) {
        return "{\"ts\": \"" + ts + "\", \"path\": \"" + path + "\", \"userId\": \"" + user + "\"}";
    }
}
