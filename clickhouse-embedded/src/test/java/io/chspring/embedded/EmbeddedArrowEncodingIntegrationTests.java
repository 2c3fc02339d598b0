package io.chspring.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.QueryResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Arrow results of the embedded engine are encoded on one thread ({@link ArrowEncoding}): chDB 26.5's parallel
 * Arrow encoder deadlocks inside {@code chdb_query_n} now and then, which hung a CI run for 90 minutes.
 */
class EmbeddedArrowEncodingIntegrationTests {

    private static ClickHouseClient client;

    @BeforeAll
    static void open() {
        client = EmbeddedEngine.client();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    /**
     * Without the guard such queries hung in every run we tried, within the first few dozen (the parallel encoder
     * stalls with many small blocks). A hang is a failure after the timeout; the stuck native call cannot be
     * interrupted, so the test runs on its own thread.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manyArrowStreamResultsOfSmallBlocksAllComplete() throws IOException {
        for (int i = 0; i < 150; i++) {
            try (QueryResponse r = client.query("SELECT number FROM numbers(200000)").setting("max_block_size", 1000)
                    .setting("output_format_arrow_compression_method", "none").fetchBytes("ArrowStream")) {
                // 200 uncompressed record batches of 1,000 UInt64 values each, plus schema and framing
                assertThat(r.readAllBytes().length).as("query %d", i).isGreaterThan(1_600_000);
            }
        }
    }

    @Test
    void arrowResultsAreEncodedSeriallyUnlessTheRequestChooses() throws IOException {
        String sql = "SELECT toString(getSetting('" + ArrowEncoding.SETTING + "')) AS parallel";
        assertThat(arrowText(client.query(sql).fetchBytes("ArrowStream"))).contains("false").doesNotContain("true");
        assertThat(arrowText(client.query(sql + " FORMAT Arrow").fetchBytes("TabSeparated")))
                .contains("false").doesNotContain("true");
        assertThat(arrowText(client.query(sql).setting(ArrowEncoding.SETTING, 1).fetchBytes("ArrowStream")))
                .contains("true");
        // other formats keep the engine's default (parallel on)
        assertThat(client.query(sql).fetchString("TabSeparated")).isEqualTo("true\n");
    }

    /** The Arrow bytes as Latin-1 text: a short string value appears in them verbatim. */
    private static String arrowText(QueryResponse response) throws IOException {
        try (response) {
            return new String(response.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
