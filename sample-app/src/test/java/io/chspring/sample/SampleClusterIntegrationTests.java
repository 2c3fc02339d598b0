package io.chspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sample service with {@code clickhouse.url} listing the two replicas of one shard of the real 2 x 2 cluster:
 * it starts, takes events through its Inserter bean, answers from its repository, and {@code /actuator/health}
 * shows both endpoints, then one of them down while the service carries on.
 */
@ClickHouseClusterTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SampleClusterIntegrationTests {

    private static ClusterNode first;
    private static ClusterNode second;
    private static String database;

    @LocalServerPort
    int port;

    @BeforeAll
    static void schema(LocalClickHouseCluster cluster) {
        first = cluster.node(1, 1);
        second = cluster.node(1, 2);
        database = "sample_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        first.query("CREATE DATABASE " + database + " ON CLUSTER c");
        // The replicated twin of V1__page_views.sql, so that the migration's CREATE TABLE IF NOT EXISTS finds it.
        first.query("CREATE TABLE " + database + ".page_views ON CLUSTER c (id UUID, ts DateTime, path String, "
                + "user_id String, referrer String, duration_ms UInt32) ENGINE = ReplicatedMergeTree("
                + "'/clickhouse/tables/{shard}/" + database + "_page_views', '{replica}') PARTITION BY toYYYYMM(ts) "
                + "ORDER BY (path, ts)");
    }

    @DynamicPropertySource
    static void clickhouse(DynamicPropertyRegistry registry) {
        registry.add("clickhouse.url", () -> "http://127.0.0.1:" + first.httpPort() + ",127.0.0.1:"
                + second.httpPort() + "/" + database);
        // several endpoints need the cluster, so that the migration history is one for both (ON CLUSTER)
        registry.add("clickhouse.migrations.cluster", () -> "c");
        registry.add("clickhouse.pool.connect-timeout", () -> "1s");
        registry.add("clickhouse.inserter.tables.page_views.period", () -> "100ms");
    }

    @Test
    void servesEventsAndShowsBothEndpointsInHealth() {
        SampleHttp http = new SampleHttp(port);
        for (int i = 0; i < 20; i++) {
            assertThat(http.post("/events", "{\"path\": \"/p" + (i % 4) + "\", \"userId\": \"u" + i + "\"}").status())
                    .isEqualTo(202);
        }
        awaitRows(20);
        assertThat(http.get("/stats/top-pages?limit=4").status()).isEqualTo(200);

        JsonNode health = http.getJson("/actuator/health");
        assertThat(health.at("/components/clickhouse/status").asString()).isEqualTo("UP");
        JsonNode endpoints = health.at("/components/clickhouse/details/endpoints");
        assertThat(endpoints.at(pointer(first) + "/status").asString()).isEqualTo("UP");
        assertThat(endpoints.at(pointer(second) + "/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/clickhouse/details/endpointsUp").asString()).isEqualTo("2/2");

        second.stop();
        JsonNode oneDown = http.getJson("/actuator/health");
        assertThat(oneDown.at("/components/clickhouse/status").asString()).isEqualTo("UP");
        assertThat(oneDown.at("/components/clickhouse/details/endpoints" + pointer(second) + "/status").asString())
                .isEqualTo("DOWN");
        assertThat(oneDown.at("/components/clickhouse/details/endpointsUp").asString()).isEqualTo("1/2");
        for (int i = 20; i < 30; i++) {
            assertThat(http.post("/events", "{\"path\": \"/q\", \"userId\": \"u" + i + "\"}").status()).isEqualTo(202);
        }
        assertThat(http.get("/stats/top-pages?limit=4").status()).isEqualTo(200);
        awaitRows(30);
    }

    /** A JSON pointer to the endpoint's entry: its key is {@code http://127.0.0.1:PORT}, with '/' escaped as ~1. */
    private static String pointer(ClusterNode node) {
        return "/" + node.httpUrl().replace("~", "~0").replace("/", "~1");
    }

    private static void awaitRows(int expected) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String count = "";
        while (System.nanoTime() < deadline) {
            count = first.query("SELECT count() FROM " + database + ".page_views").strip();
            if (count.equals(Integer.toString(expected))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(count).as("rows on %s", first).isEqualTo(Integer.toString(expected));
    }
}
