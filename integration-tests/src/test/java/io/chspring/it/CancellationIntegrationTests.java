package io.chspring.it;

import static io.chspring.it.ItSupport.ENDLESS_QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.ServerErrorCodes;
import io.chspring.client.query.QueryResponse;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Stopping queries: KILL QUERY by id, the server's max_execution_time, the client's own timeout, an early close. */
@ClickHouseIntegrationTest
class CancellationIntegrationTests {

    @Test
    void killQueryByIdCancelsTheRunningFetch(ClickHouseTestDatabase db) throws Exception {
        String id = "it-kill-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db)) {
            CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> client.query(ENDLESS_QUERY)
                    .setting("max_block_size", 100).setting("max_execution_time", 60).queryId(id)
                    .fetchString("TabSeparated"));
            ItSupport.await("the query runs", Duration.ofSeconds(10), () -> ItSupport.running(db, id));

            String killed = client.query("KILL QUERY WHERE query_id = ? SYNC").bind(id).fetchString("TabSeparated");
            assertThat(killed).startsWith("finished\t" + id + "\tdefault\t");

            Throwable thrown = catchThrowable(running::get);
            assertThat(thrown).isInstanceOf(ExecutionException.class);
            assertThat(thrown.getCause()).isInstanceOf(ClickHouseServerException.class);
            ClickHouseServerException e = (ClickHouseServerException) thrown.getCause();
            assertThat(e.errorCode()).isEqualTo(ServerErrorCodes.QUERY_WAS_CANCELLED);
            assertThat(e.queryId()).isEqualTo(id);
            assertThat(e.getMessage()).contains("Query was cancelled");
            assertThat(ItSupport.running(db, id)).isFalse();
        }
    }

    @Test
    void maxExecutionTimeRaisesATimeoutWithCode159(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> client.query(ENDLESS_QUERY).setting("max_block_size", 100)
                    .setting("max_execution_time", 1).fetchString("TabSeparated"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(thrown).isInstanceOf(ClickHouseTimeoutException.class).hasMessageContaining("Timeout exceeded");
            ClickHouseTimeoutException e = (ClickHouseTimeoutException) thrown;
            assertThat(e.errorCode()).isEqualTo(ServerErrorCodes.TIMEOUT_EXCEEDED);
            assertThat(e.queryId()).isNotNull();
            assertThat(millis).isBetween(900L, 10_000L);
        }
    }

    @Test
    void theClientsResponseTimeoutGivesUpWithoutTheServer(ClickHouseTestDatabase db) throws Exception {
        String id = "it-client-timeout-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db)) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> client.query(ENDLESS_QUERY).setting("max_block_size", 100)
                    .setting("max_execution_time", 30).queryId(id).timeout(Duration.ofMillis(500))
                    .fetchString("TabSeparated"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(thrown).isInstanceOf(ClickHouseTimeoutException.class).hasMessageContaining("500 ms");
            assertThat(((ClickHouseTimeoutException) thrown).errorCode()).isZero();
            assertThat(((ClickHouseTimeoutException) thrown).queryId()).isEqualTo(id);
            assertThat(millis).isBetween(450L, 5_000L);
        } finally {
            db.query("KILL QUERY WHERE query_id = '" + id + "' SYNC");
        }
    }

    @Test
    void closingAHugeResultEarlyIsQuickAndStopsTheServer(ClickHouseTestDatabase db) throws Exception {
        String id = "it-early-close-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db)) {
            long start = System.nanoTime();
            // 8 GB of RowBinary if read to the end
            try (QueryResponse response = client.query("SELECT number FROM system.numbers LIMIT 1000000000")
                    .queryId(id).fetchBytes("RowBinary")) {
                assertThat(response.readNBytes(100_000)).hasSize(100_000);
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000L);
            ItSupport.await("the server stops the abandoned query", Duration.ofSeconds(10),
                    () -> !ItSupport.running(db, id));
            assertThat(client.query("SELECT 'still fine'").fetchString("TabSeparated")).isEqualTo("still fine\n");
        }
    }
}
