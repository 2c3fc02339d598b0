package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.transport.TransportRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClickHouseClientTests {

    @Test
    void derivedCopiesShareTheTransportAndOnlyTheRootClosesIt() {
        FakeTransport transport = new FakeTransport("24.3.2.23");
        int[] factoryCalls = {0};
        ClickHouseClient root = ClickHouseClient.builder().endpoint("http://127.0.0.1:8123")
                .transport(config -> {
                    factoryCalls[0]++;
                    return transport;
                }).build();
        ClickHouseClient derived = root.withSetting("max_threads", 2).withDatabase("db1")
                .withCompression(Compression.NONE).withSettings(Map.of("readonly", 2));

        derived.execute("SELECT 1");
        root.execute("SELECT 2");
        assertThat(factoryCalls[0]).isEqualTo(1);
        assertThat(transport.userRequests()).extracting(TransportRequest::sql).containsExactly("SELECT 1", "SELECT 2");

        derived.close();
        assertThat(transport.closes()).isZero();
        assertThat(derived.isClosed()).isFalse();
        root.execute("SELECT 3");

        root.close();
        root.close();
        assertThat(transport.closes()).isEqualTo(1);
        assertThat(derived.isClosed()).isTrue();
        assertThatThrownBy(() -> derived.execute("SELECT 4")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> root.query("SELECT 5").fetchString("TSV")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void derivedCopiesCarryTheirOwnDefaultsWithoutChangingTheRoot() {
        FakeTransport transport = new FakeTransport("24.3.2.23");
        ClickHouseClient root = transport.client();
        ClickHouseClient derived = root.withSetting("max_threads", 2).withDatabase("db1");

        derived.execute("SELECT 1");
        TransportRequest fromDerived = transport.lastRequest();
        root.execute("SELECT 1");
        TransportRequest fromRoot = transport.lastRequest();

        assertThat(fromDerived.settings()).containsEntry("max_threads", "2");
        assertThat(fromDerived.database()).isEqualTo("db1");
        assertThat(fromRoot.settings()).doesNotContainKey("max_threads");
        assertThat(fromRoot.database()).isNull();
        assertThat(root.config().settings()).isEmpty();
        assertThat(derived.config().database()).contains("db1");
    }

    @Test
    void serverVersionIsAskedOncePerTransportAndSharedWithCopies() throws Exception {
        FakeTransport transport = new FakeTransport("18.16.1");
        ClickHouseClient root = transport.client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture<?>[] calls = IntStream.range(0, 32)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> (i % 2 == 0 ? root : root.withDatabase("d" + i)).serverVersion(), pool))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(calls).get();
        } finally {
            pool.shutdown();
        }
        assertThat(root.serverVersion()).isEqualTo(ServerVersion.parse("18.16.1"));
        assertThat(root.withSetting("max_threads", 1).capabilities().supportsQueryParameters()).isFalse();
        assertThat(transport.versionLookups()).isEqualTo(1);
        TransportRequest lookup = transport.requests().get(0);
        assertThat(lookup.database()).isNull();
        assertThat(lookup.compressResponse()).isFalse();
        assertThat(lookup.settings()).containsOnly(Map.entry("default_format", "TabSeparated"));
    }

    @Test
    void versionLookupIgnoresTheClientsSettingsAndDatabase() {
        FakeTransport transport = new FakeTransport("24.3.2.23");
        ClickHouseClient client = transport.client().withDatabase("nope").withSetting("max_threads", 1);
        client.serverVersion();
        assertThat(transport.lastRequest().database()).isNull();
        assertThat(transport.lastRequest().settings()).doesNotContainKey("max_threads");
    }

    @Test
    void aServerThatIsNotClickHouseGivesATransportErrorQuotingItsAnswer() {
        FakeTransport transport = new FakeTransport("<html>hello</html>");
        assertThatThrownBy(() -> transport.client().serverVersion())
                .isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("<html>hello</html>")
                .hasMessageContaining("SELECT version(), timezone()");
    }

    @Test
    void executeReturnsTheQueryIdAndBindsArguments() {
        FakeTransport transport = new FakeTransport("24.3.2.23");
        ClickHouseClient client = transport.client();
        QuerySummary summary = client.execute("CREATE TABLE t (x UInt8) ENGINE = Memory");
        TransportRequest request = transport.lastRequest();
        assertThat(summary.queryId()).isEqualTo(request.queryId()).isNotBlank();
        assertThat(request.body()).isNull();
        assertThat(request.compressRequest()).isFalse();
        assertThat(request.compressResponse()).isFalse();
        assertThat(request.idempotent()).isFalse();
        assertThat(transport.versionLookups()).as("no version lookup when no response is read").isZero();
        assertThat(transport.openResponses()).isZero();
    }

    @Test
    void aFactoryReturningNullIsAConfigurationError() {
        assertThatThrownBy(() -> ClickHouseClient.builder().endpoint("http://h").transport(c -> null).build())
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("transport factory");
    }

    @Test
    void theHttpTransportIsMadeFromTheConfig() {
        try (ClickHouseClient client = ClickHouseClient.fromUrl("http://127.0.0.1:18599/db")) {
            assertThat(client.config().endpoint()).hasToString("http://127.0.0.1:18599");
            assertThat(client.toString()).contains("127.0.0.1:18599").doesNotContain("derived");
            assertThat(client.withDatabase("x").toString()).contains("derived");
        }
        assertThat(HttpTransportFactory.options(ClickHouseClient.builder().url("https://h:9443").buildConfig())
                .endpoint()).hasToString("https://h:9443");
    }

    @Test
    void theClientDefaultsAreTheTransportDefaults() {
        ClickHouseClientConfig config = ClickHouseClient.builder().endpoint("http://127.0.0.1:8123").buildConfig();
        assertThat(config.maxConnectionsTotal()).isEqualTo(32);
        assertThat(config.maxConnectionsPerRoute()).isEqualTo(16);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.responseTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.idleEviction()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.validateAfterInactivity()).isEqualTo(Duration.ofSeconds(1));
        assertThat(HttpTransportFactory.options(config)).hasToString("HttpTransportOptions[endpoint="
                + "http://127.0.0.1:8123, auth=none, headers=[], maxConnectionsTotal=32, maxConnectionsPerRoute=16, "
                + "connectTimeout=PT10S, responseTimeout=PT5M, idleEviction=PT2S, validateAfterInactivity=PT1S, "
                + "tls=" + io.chspring.client.transport.TlsOptions.DEFAULT + ", userAgent=null, customizer=false]");
    }
}
