package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.query.QueryResponse;
import io.chspring.client.query.RowCursor;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A query's {@code timeout} limits the whole query, not each read: against a real 18.16 server that sends a row
 * every 0.5 s (each row over the server's 1 MiB output buffer, so it is flushed at once; smaller rows arrive all at
 * the end), no single read ever waits 2 s, and the query still ends at its 2 s limit instead of after ~10 s.
 */
@ClickHouseIntegrationTest
class QueryDeadlineIntegrationTests {

    /** 20 rows of 1.12 MB, one every 0.5 s: ~10 s in all. */
    private static final String DRIP = "SELECT arrayStringConcat(arrayMap(x -> 'xxxxxxxxxxxxxxxx', range(70000))) "
            + "FROM system.numbers WHERE NOT ignore(sleepEachRow(0.5)) LIMIT 20";
    private static final Duration LIMIT = Duration.ofSeconds(2);

    @Test
    void aCursorOnADrippingServerStopsAtTheTimeout(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            long start = System.nanoTime();
            int[] rows = {0};
            Throwable thrown = catchThrowable(() -> {
                try (RowCursor<String> cursor = client.query(DRIP).setting("max_block_size", 1).timeout(LIMIT)
                        .fetch(String.class)) {
                    cursor.forEach(row -> rows[0]++);
                }
            });
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(ClickHouseTimeoutException.class)
                    .hasMessageContaining("within its timeout of 2000 ms (the whole query)");
            assertThat(rows[0]).as("rows arrived before the limit").isBetween(1, 5);
            assertThat(took).isBetween(LIMIT, LIMIT.plusMillis(1500));
            assertThat(client.query("SELECT 1").fetchOne(Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void aByteStreamAndExecuteStopAtTheTimeoutToo(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> {
                try (QueryResponse in = client.query(DRIP).setting("max_block_size", 1).timeout(LIMIT)
                        .fetchBytes("TabSeparated")) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            });
            assertThat(thrown).isInstanceOf(ClickHouseTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(LIMIT, LIMIT.plusMillis(1500));

            start = System.nanoTime();
            thrown = catchThrowable(() -> client.query(DRIP).setting("max_block_size", 1).timeout(LIMIT).execute());
            assertThat(thrown).isInstanceOf(ClickHouseTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(LIMIT, LIMIT.plusMillis(1500));
        }
    }

    @Test
    void aQueryWithinItsTimeoutReadsEverything(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            assertThat(client.query("SELECT count() FROM numbers(1000000)").timeout(Duration.ofSeconds(30))
                    .fetchOne(Long.class)).isEqualTo(1_000_000L);
        }
    }
}
