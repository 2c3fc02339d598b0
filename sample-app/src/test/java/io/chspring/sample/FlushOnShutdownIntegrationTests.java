package io.chspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Inserter's promise: rows accepted right before the application stops are in the table once it has stopped.
 * The batch period and size are out of reach, so nothing is sent until the context closes.
 */
@ClickHouseIntegrationTest
class FlushOnShutdownIntegrationTests {

    @Test
    void rowsPostedRightBeforeCloseAreInTheTableAfterClose(ClickHouseTestDatabase db) {
        // command-line arguments, not builder properties: those are defaults, below application.yml, whose 500 ms
        // period for page_views would then flush whenever ten requests take longer than that on a loaded machine
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .run("--server.port=0", "--clickhouse.url=" + db.url(),
                        "--clickhouse.inserter.tables.page_views.period=1h",
                        "--clickhouse.inserter.tables.page_views.max-rows=1000000");
        try {
            SampleHttp http = new SampleHttp(((WebServerApplicationContext) context).getWebServer().getPort());
            for (int request = 0; request < 10; request++) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    batch.add("{\"path\": \"/p" + i + "\", \"userId\": \"u" + request + "\", \"durationMs\": " + i
                            + "}");
                }
                assertThat(http.post("/events", "[" + String.join(",", batch) + "]").status()).isEqualTo(202);
            }
            assertThat(db.query("SELECT count() FROM page_views").strip()).isEqualTo("0");
        } finally {
            context.close();
        }
        assertThat(db.query("SELECT count(), uniqExact(user_id), sum(duration_ms) FROM page_views"))
                .isEqualTo("1000\t10\t49500\n");
    }
}
