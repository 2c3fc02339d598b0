package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;

/**
 * The connection pool against a server that closes idle keep-alive connections after 3 s ({@code Keep-Alive:
 * timeout=3}, quirk 7): a pooled connection the server has closed must never fail a request.
 */
@ClickHouseIntegrationTest
class ConnectionPoolIntegrationTests {

    /** Longer than the server's keep-alive timeout of 3 s. */
    private static final long IDLE_MILLIS = 3_500;

    /** Runs {@code statements} non-idempotent executes on {@code threads} threads at once, returning their answers. */
    private static List<String> concurrently(ClickHouseClient client, int threads, int statements) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < statements; i++) {
                int n = i;
                futures.add(pool.submit(() -> client.query("SELECT ? + sleepEachRow(0.01)").bind(n)
                        .fetchString("TabSeparated")));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> expected(int statements) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < statements; i++) {
            answers.add(i + "\n");
        }
        return answers;
    }

    @Test
    void pooledConnectionsServeRequestsAfterIdlingPastTheServersKeepAlive(ClickHouseTestDatabase db) throws Exception {
        try (ClickHouseClient client = ClickHouseClient.builder().url(db.url()).maxConnectionsPerRoute(4).build()) {
            assertThat(concurrently(client, 4, 40)).isEqualTo(expected(40)); // fills the pool with 4 connections
            Thread.sleep(IDLE_MILLIS);
            // execute() is not idempotent, so no transport retry could hide a stale connection
            for (int i = 0; i < 4; i++) {
                assertThat(client.execute("SELECT 1").queryId()).isNotNull();
            }
            assertThat(concurrently(client, 4, 8)).isEqualTo(expected(8));
            Thread.sleep(IDLE_MILLIS);
            assertThat(client.query("SELECT 'again'").fetchString("TabSeparated")).isEqualTo("again\n");
        }
    }

    /**
     * The transport's minimal HTTP client keeps no expiry from the server's Keep-Alive header; with eviction off, the
     * check before reuse alone must notice the connection the server closed.
     */
    @Test
    void withoutEvictionTheCheckBeforeReuseReplacesAConnectionTheServerClosed(ClickHouseTestDatabase db)
            throws Exception {
        try (ClickHouseClient client = ClickHouseClient.builder().url(db.url()).idleEviction(Duration.ofMinutes(1))
                .build()) {
            assertThat(concurrently(client, 4, 16)).isEqualTo(expected(16));
            for (int round = 0; round < 2; round++) {
                Thread.sleep(IDLE_MILLIS);
                // execute() is not idempotent: no transport retry hides a stale connection
                for (int i = 0; i < 4; i++) {
                    assertThat(client.execute("SELECT 1").queryId()).isNotNull();
                }
            }
        }
    }

    @Test
    void moreThreadsThanConnectionsWaitTheirTurn(ClickHouseTestDatabase db) throws Exception {
        try (ClickHouseClient client = ClickHouseClient.builder().url(db.url()).maxConnectionsPerRoute(2)
                .maxConnectionsTotal(2).build()) {
            assertThat(concurrently(client, 8, 64)).isEqualTo(expected(64));
        }
    }

    /**
     * A request that cannot get a pooled connection within the connect timeout fails with a clear error naming the
     * pool settings, instead of waiting without end (the small-query benchmark runs 64 threads on a pool sized for
     * them; this is what a smaller pool does when every connection stays busy).
     */
    @Test
    void aRequestWaitingLongerThanTheConnectTimeoutForAPooledConnectionFailsClearly(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ClickHouseClient.builder().url(db.url()).maxConnectionsPerRoute(1)
                .maxConnectionsTotal(1).connectTimeout(Duration.ofMillis(300)).build()) {
            // an open cursor holds the only connection (a result over the error-tail window, so it is not yet read)
            try (var busy = client.query("SELECT number FROM system.numbers LIMIT 1000000").fetch(Long.class)) {
                assertThat(busy.hasNext()).isTrue();
                long start = System.nanoTime();
                Throwable e = catchThrowable(() -> client.query("SELECT 1").fetchOne(Integer.class));
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(e).isInstanceOf(io.chspring.client.ClickHouseTimeoutException.class)
                        .hasMessageContaining("no pooled connection became free within the connect timeout")
                        .hasMessageContaining("maxConnectionsPerRoute");
                assertThat(waitedMillis).isBetween(250L, 5_000L);
            }
            assertThat(client.query("SELECT 1").fetchOne(Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void withoutEvictionAStaleConnectionIsRetriedOnlyForIdempotentRequests(ClickHouseTestDatabase db)
            throws Exception {
        // Eviction, validation and the server's Keep-Alive header all ignored: the pool hands out a dead socket.
        try (ClickHouseClient lax = ClickHouseClient.builder().url(db.url())
                .idleEviction(Duration.ofMinutes(1)).validateAfterInactivity(Duration.ofMinutes(1))
                .httpClientCustomizer(b -> b.setKeepAliveStrategy((response, context) -> TimeValue.ofMinutes(1)))
                .build()) {
            lax.execute("SELECT 1");
            Thread.sleep(IDLE_MILLIS);
            // a query that reads a result is idempotent: the transport sends it once more on a fresh connection
            assertThat(lax.query("SELECT 'retried'").fetchString("TabSeparated")).isEqualTo("retried\n");

            Thread.sleep(IDLE_MILLIS);
            Throwable thrown = catchThrowable(() -> lax.execute("SELECT 'not retried'"));
            assertThat(thrown).isInstanceOf(ClickHouseTransportException.class);
            assertThat(((ClickHouseTransportException) thrown).isRetryable()).isTrue();
            assertThat(lax.execute("SELECT 'fresh connection'").queryId()).isNotNull();
        }
    }
}
