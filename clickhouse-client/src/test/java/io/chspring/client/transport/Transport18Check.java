package io.chspring.client.transport;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.util.TimeValue;

/**
 * Scratch check of {@link HttpTransport} against a real ClickHouse 18.16 server, run by hand (not a test: it needs
 * a server). To be ported to {@code integration-tests/} as {@code *IntegrationTests} once the test harness exists.
 *
 * <pre>
 * /work/shared/clickhouse/start-clickhouse-18.sh 18400 /tmp/ch-transport-18400
 * java -Xmx64m -cp target/classes:target/test-classes:DEPS io.chspring.client.transport.Transport18Check 18400
 * </pre>
 */
public final class Transport18Check {

    private Transport18Check() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + args[0] + "/");
        try (HttpTransport transport = HttpTransport.create(HttpTransportOptions.builder().endpoint(endpoint).build())) {
            expectError("syntax error", transport, "SELEC 1", Map.of());
            expectError("timeout 159", transport,
                    "SELECT count() FROM system.numbers WHERE NOT ignore(sleepEachRow(0.001))",
                    Map.of("max_execution_time", "1", "max_block_size", "100"));
            expectError("throwIf before the first flush", transport,
                    "SELECT throwIf(number = 200000) FROM system.numbers FORMAT RowBinary", Map.of());
            midStream(transport);
            keepAlive(transport);
            earlyClose(transport);
            chunkedInsert(transport, 1_000_000);
        }
        auth(endpoint);
        staleRetry(endpoint);
    }

    private static void auth(URI endpoint) throws IOException {
        try (HttpTransport wrong = transport(endpoint, "alice", "nope", false);
                HttpTransport basic = transport(endpoint, "alice", "secret", true);
                HttpTransport headers = transport(endpoint, "alice", "secret", false);
                HttpTransport ro = transport(endpoint, "ro", "ro", false);
                HttpTransport unknown = transport(endpoint, "bob", "x", true)) {
            expectError("wrong password", wrong, "SELECT 1", Map.of());
            expectError("unknown user", unknown, "SELECT 1", Map.of());
            System.out.println("basic auth -> " + text(basic, "SELECT 'ok'"));
            System.out.println("header auth -> " + text(headers, "SELECT 'ok'"));
            expectError("readonly insert", ro, "CREATE TABLE ro_t (x UInt8) ENGINE = Memory", Map.of());
        }
        try {
            HttpTransportOptions.builder().endpoint(endpoint).credentials("alice", "secret")
                    .header("Authorization", "Basic YWxpY2U6c2VjcmV0").build();
        } catch (ClickHouseException e) {
            System.out.println("mixed auth rejected at build time: " + e.getMessage());
        }
    }

    private static HttpTransport transport(URI endpoint, String user, String password, boolean basic) {
        return HttpTransport.create(HttpTransportOptions.builder().endpoint(endpoint)
                .credentials(user, password).basicAuth(basic).build());
    }

    private static void midStream(HttpTransport transport) throws IOException {
        long start = System.nanoTime();
        long[] bytes = {0};
        try (TransportResponse r = transport.execute(request(
                "SELECT throwIf(number = 3000000) FROM system.numbers FORMAT RowBinary", Map.of(), null, true))) {
            InputStream in = r.body();
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) >= 0) {
                bytes[0] += n;
            }
            System.out.println("mid-stream: NOT DETECTED after " + bytes[0] + " bytes");
        } catch (ClickHouseException e) {
            System.out.printf("mid-stream: %s after %d data bytes in %d ms: %s%n", e.getClass().getSimpleName(),
                    bytes[0], (System.nanoTime() - start) / 1_000_000, e.getMessage());
        }
    }

    private static void keepAlive(HttpTransport transport) throws Exception {
        System.out.println("keep-alive 1: " + text(transport, "SELECT 1"));
        Thread.sleep(4000);
        System.out.println("keep-alive 2 after 4 s idle (non-idempotent, so no retry could hide a stale socket): "
                + text(transport, "SELECT 2"));
    }

    private static void staleRetry(URI endpoint) throws Exception {
        // Eviction, validation and the server's "Keep-Alive: timeout=3" all ignored: the pool hands out a dead socket.
        try (HttpTransport lax = HttpTransport.create(HttpTransportOptions.builder().endpoint(endpoint)
                .idleEviction(Duration.ofSeconds(60)).validateAfterInactivity(Duration.ofSeconds(60))
                .customizer(b -> b.setKeepAliveStrategy((response, context) -> TimeValue.ofMinutes(1))).build())) {
            text(lax, "SELECT 1");
            Thread.sleep(4000);
            try (TransportResponse r = lax.execute(request("SELECT 'retried'", Map.of(), null, true))) {
                System.out.println("stale socket, idempotent -> " + new String(r.body().readAllBytes(),
                        StandardCharsets.UTF_8).strip());
            }
            text(lax, "SELECT 1");
            Thread.sleep(4000);
            try {
                System.out.println("stale socket, not idempotent -> " + text(lax, "SELECT 'no retry'"));
            } catch (ClickHouseException e) {
                System.out.println("stale socket, not idempotent -> " + e.getClass().getSimpleName() + ": "
                        + e.getMessage());
            }
        }
    }

    private static void earlyClose(HttpTransport transport) throws IOException {
        long start = System.nanoTime();
        try (TransportResponse r = transport.execute(request(
                "SELECT number FROM system.numbers LIMIT 1000000000 FORMAT RowBinary", Map.of(), null, true))) {
            r.body().readNBytes(100_000);
        }
        System.out.printf("early close of a 8 GB result after 100 kB: %d ms; next query: %s%n",
                (System.nanoTime() - start) / 1_000_000, text(transport, "SELECT 'still fine'"));
    }

    private static void chunkedInsert(HttpTransport transport, int rows) throws IOException {
        text(transport, "DROP TABLE IF EXISTS transport_big");
        text(transport, "CREATE TABLE transport_big (id UInt64, s String) ENGINE = Memory");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong maxHeap = new AtomicLong();
        AtomicLong written = new AtomicLong();
        byte[] payload = "x".repeat(91).getBytes(StandardCharsets.US_ASCII);
        BodyWriter writer = out -> {
            byte[] row = new byte[8 + 1 + payload.length];
            for (int i = 0; i < rows; i++) {
                for (int b = 0; b < 8; b++) {
                    row[b] = (byte) ((long) i >>> (8 * b));
                }
                row[8] = (byte) payload.length;
                System.arraycopy(payload, 0, row, 9, payload.length);
                out.write(row);
                written.addAndGet(row.length);
                if (i % 50_000 == 0) {
                    maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
            }
        };
        long start = System.nanoTime();
        try (TransportResponse r = transport.execute(request("INSERT INTO transport_big FORMAT RowBinary", Map.of(),
                writer, false))) {
            r.body().readAllBytes();
        }
        System.out.printf("chunked insert: %d rows, %.1f MB in %d ms, max heap used while streaming %.1f MB "
                        + "(-Xmx %d MB)%n", rows, written.get() / 1e6, (System.nanoTime() - start) / 1_000_000,
                maxHeap.get() / 1e6, Runtime.getRuntime().maxMemory() / (1 << 20));
        System.out.println("rows stored: " + text(transport, "SELECT count(), sum(length(s)) FROM transport_big"));
        text(transport, "DROP TABLE transport_big");
    }

    private static void expectError(String what, HttpTransport transport, String sql, Map<String, String> settings) {
        try (TransportResponse r = transport.execute(request(sql, settings, null, false))) {
            System.out.println(what + ": NO ERROR, body " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        } catch (ClickHouseException e) {
            String status = e instanceof ClickHouseServerException s ? " http=" + s.httpStatus() : "";
            System.out.printf("%s -> %s code=%d%s retryable=%s: %s%n", what, e.getClass().getSimpleName(), e.errorCode(),
                    status, e.isRetryable(), e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpTransport transport, String sql) throws IOException {
        try (TransportResponse r = transport.execute(request(sql, Map.of(), null, false))) {
            return new String(r.body().readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static TransportRequest request(String sql, Map<String, String> settings, BodyWriter body,
            boolean idempotent) {
        return new TransportRequest(sql, settings, Map.of(), null, "check-" + UUID.randomUUID(), null, null, body,
                false, false, idempotent, null);
    }
}
