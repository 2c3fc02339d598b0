package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.ClickHouseTransportException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpTransport} against local HTTP peers for what the 18.16 server cannot show: modern response headers
 * ({@code X-ClickHouse-Exception-Code}, {@code -Query-Id}, {@code -Exception-Tag}), broken chunked framing, proxies
 * answering without a ClickHouse code, a connection closed before the response. The behaviour against the real
 * 18.16 server is checked by the integration-tests module ({@code io.chspring.it}).
 */
class HttpTransportTests {

    private HttpServer server;
    private final List<Map<String, List<String>>> seenHeaders = new CopyOnWriteArrayList<>();
    private final List<byte[]> seenBodies = new CopyOnWriteArrayList<>();
    private final List<String> seenQueries = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void streamsTheBodyChunkedWithOneAuthMethodAndTheUserAgent() throws Exception {
        URI uri = serve(exchange -> respond(exchange, 200, Map.of(), "ok"));
        byte[] payload = new byte[300_000];
        new Random(1).nextBytes(payload);
        try (HttpTransport transport = transport(TestOptions.builder().endpoint(uri)
                .credentials("alice", "secret").userAgent("my-app/1.2"));
                TransportResponse r = transport.execute(request("INSERT INTO t FORMAT RowBinary",
                        out -> out.write(payload), false, null))) {
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
        }

        Map<String, List<String>> headers = seenHeaders.get(0);
        assertThat(headers.get("Transfer-encoding")).containsExactly("chunked");
        assertThat(headers.get("X-clickhouse-user")).containsExactly("alice");
        assertThat(headers.get("X-clickhouse-key")).containsExactly("secret");
        assertThat(headers).doesNotContainKey("Authorization");
        assertThat(headers.get("User-agent").get(0))
                .matches("chspring/\\S+ \\(Java " + System.getProperty("java.version") + "\\) my-app/1\\.2")
                .doesNotContain("unknown", "${");
        assertThat(seenBodies.get(0)).isEqualTo(payload);
        assertThat(seenQueries.get(0)).contains("query=INSERT%20INTO%20t%20FORMAT%20RowBinary", "query_id=q-1");
    }

    @Test
    void errorCodeHeaderOnA200IsAnErrorAndTheServerQueryIdWins() throws Exception {
        URI uri = serve(exchange -> respond(exchange, 200,
                Map.of("X-ClickHouse-Exception-Code", "241", "X-ClickHouse-Query-Id", "server-qid"),
                "Code: 241. DB::Exception: Memory limit (total) exceeded. (MEMORY_LIMIT_EXCEEDED) (version 24.3.1.1)\n"));
        try (HttpTransport transport = transport(TestOptions.builder().endpoint(uri))) {
            assertThatThrownBy(() -> transport.execute(request("SELECT 1", null, false, null)))
                    .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(241);
                        assertThat(e.errorName()).isEqualTo("MEMORY_LIMIT_EXCEEDED");
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.queryId()).isEqualTo("server-qid");
                    });
        }
    }

    @Test
    void modernTimeoutStatusWithCodeIsATimeout() throws Exception {
        URI uri = serve(exchange -> respond(exchange, 408, Map.of("X-ClickHouse-Exception-Code", "159"),
                "Code: 159. DB::Exception: Timeout exceeded: elapsed 0.1 seconds. (TIMEOUT_EXCEEDED) (version 24.3.1.1)\n"));
        try (HttpTransport transport = transport(TestOptions.builder().endpoint(uri))) {
            assertThatThrownBy(() -> transport.execute(request("SELECT 1", null, false, null)))
                    .isInstanceOfSatisfying(ClickHouseTimeoutException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(159);
                        assertThat(e.queryId()).isEqualTo("q-1");
                    });
        }
    }

    @Test
    void proxyErrorsWithoutCodeAreRetryableTransportErrors() throws Exception {
        URI uri = serve(exchange -> respond(exchange, 503, Map.of(), "<html>Service Unavailable</html>"));
        try (HttpTransport transport = transport(TestOptions.builder().endpoint(uri))) {
            assertThatThrownBy(() -> transport.execute(request("SELECT 1", null, false, null)))
                    .isInstanceOf(ClickHouseTransportException.class)
                    .hasMessageContaining("HTTP 503")
                    .satisfies(e -> assertThat(((ClickHouseTransportException) e).isRetryable()).isTrue());
        }
    }

    @Test
    void aSlowServerHitsTheRequestsResponseTimeout() throws Exception {
        URI uri = serve(exchange -> {
            sleep(1500);
            respond(exchange, 200, Map.of(), "late");
        });
        try (HttpTransport transport = transport(TestOptions.builder().endpoint(uri))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> transport.execute(request("SELECT 1", null, false, Duration.ofMillis(200))))
                    .isInstanceOfSatisfying(ClickHouseTimeoutException.class,
                            e -> assertThat(e.queryId()).isEqualTo("q-1"))
                    .hasMessageContaining("200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
        }
    }

    @Test
    void detectsATaggedErrorBlockBeforeBrokenFraming() throws Exception {
        String tag = "AbCdEfGh12345678";
        String text = "Code: 395. DB::Exception: boom. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version 25.11.1.1)\n";
        String block = "\r\n__exception__\r\n" + tag + "\r\n" + text + text.length() + " " + tag + "\r\n__exception__\r\n";
        try (RawHttpPeer peer = new RawHttpPeer((index, head, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-ClickHouse-Exception-Tag: " + tag
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(RawHttpPeer.chunk(new byte[100_000]));
            out.write(RawHttpPeer.chunk(block.getBytes(StandardCharsets.US_ASCII)));
            out.flush(); // and no closing chunk: the connection just ends, as the server does
        }); HttpTransport transport = transport(TestOptions.builder().endpoint(peer.uri()));
                TransportResponse r = transport.execute(request("SELECT 1", null, false, null))) {
            assertThatThrownBy(() -> r.body().readAllBytes())
                    .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(395);
                        assertThat(e.httpStatus()).isEqualTo(200);
                    });
        }
    }

    @Test
    void aBodyBrokenOffWithoutErrorIsATransportErrorNotAShortBody() throws Exception {
        try (RawHttpPeer peer = new RawHttpPeer((index, head, out) -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(RawHttpPeer.chunk(new byte[5000]));
            out.flush();
        }); HttpTransport transport = transport(TestOptions.builder().endpoint(peer.uri()));
                TransportResponse r = transport.execute(request("SELECT 1", null, false, null))) {
            assertThatThrownBy(() -> r.body().readAllBytes())
                    .isInstanceOf(ClickHouseTransportException.class)
                    .hasMessageContaining("broken off after")
                    .hasMessageContaining("q-1");
        }
    }

    @Test
    void resendsAnIdempotentRequestOnceWhenTheConnectionDiesBeforeTheResponse() throws Exception {
        try (RawHttpPeer peer = new RawHttpPeer((index, head, out) -> {
            if (index % 2 == 1) {
                out.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
            } // even connections close without a byte: a keep-alive race as seen by the client
        }); HttpTransport transport = transport(TestOptions.builder().endpoint(peer.uri()))) {
            try (TransportResponse r = transport.execute(request("SELECT 1", null, true, null))) {
                assertThat(r.body().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("ok");
            }
            assertThat(peer.connections()).isEqualTo(2);

            assertThatThrownBy(() -> transport.execute(request("INSERT INTO t VALUES (1)", null, false, null)))
                    .isInstanceOf(ClickHouseTransportException.class)
                    .hasMessageContaining("NoHttpResponseException");
            assertThat(peer.connections()).isEqualTo(3);
        }
    }

    @Test
    void refusedConnectionIsARetryableTransportError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HttpTransport transport = transport(TestOptions.builder()
                .endpoint(URI.create("http://127.0.0.1:" + port)))) {
            assertThatThrownBy(() -> transport.execute(request("SELECT 1", null, true, null)))
                    .isInstanceOf(ClickHouseTransportException.class)
                    .hasMessageContaining("connection refused")
                    .satisfies(e -> assertThat(((ClickHouseTransportException) e).isRetryable()).isTrue());
        }
    }

    private URI serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seenHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            seenQueries.add(exchange.getRequestURI().getRawQuery());
            seenBodies.add(exchange.getRequestBody().readAllBytes());
            handler.handle(exchange);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpTransport transport(TestOptions builder) {
        return HttpTransport.create(builder.build());
    }

    private static TransportRequest request(String sql, BodyWriter writer, boolean idempotent, Duration timeout) {
        return new TransportRequest(sql, Map.of(), Map.of(), null, "q-1", null, null, writer == null ? null : RequestBody.of(writer), false, false, idempotent,
                timeout);
    }
}
