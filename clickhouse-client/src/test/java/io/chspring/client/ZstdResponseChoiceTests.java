package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.transport.TransportRequest;
import org.junit.jupiter.api.Test;

/**
 * Which response compression a request asks for: zstd HTTP encoding for a ZSTD client on a server that has it (21.1
 * and later), over a transport that speaks HTTP; LZ4 frames ({@code compress=1}) everywhere else.
 */
class ZstdResponseChoiceTests {

    private static TransportRequest readOn(FakeTransport transport, Compression compression) {
        ClickHouseClient client = ClickHouseClient.builder().endpoint("http://127.0.0.1:8123")
                .compression(compression).transport(config -> transport).build();
        client.query("SELECT 1").fetchString("TabSeparated");
        return transport.lastRequest();
    }

    @Test
    void aZstdClientAsksAModernServerForZstdResponses() {
        TransportRequest r = readOn(new FakeTransport("21.1.2.15").framing(), Compression.ZSTD);
        assertThat(r.headers()).containsEntry("Accept-Encoding", "zstd");
        assertThat(r.settings()).containsEntry("enable_http_compression", "1");
        assertThat(r.compressResponse()).isFalse(); // compress=1 too would nest LZ4 frames inside the zstd stream
    }

    @Test
    void anOlderServerKeepsLz4Responses() {
        TransportRequest r = readOn(new FakeTransport("20.8.3.18").framing(), Compression.ZSTD);
        assertThat(r.headers()).doesNotContainKey("Accept-Encoding");
        assertThat(r.settings()).doesNotContainKey("enable_http_compression");
        assertThat(r.compressResponse()).isTrue();
    }

    @Test
    void anLz4ClientKeepsLz4ResponsesOnAModernServer() {
        TransportRequest r = readOn(new FakeTransport("26.5.1.1").framing(), Compression.LZ4);
        assertThat(r.headers()).doesNotContainKey("Accept-Encoding");
        assertThat(r.compressResponse()).isTrue();
    }

    @Test
    void aTransportWithoutHttpGetsNoHttpSetting() {
        // an in-process engine (chDB) neither frames bodies nor reads HTTP headers
        TransportRequest r = readOn(new FakeTransport("26.5.1.1"), Compression.ZSTD);
        assertThat(r.headers()).doesNotContainKey("Accept-Encoding");
        assertThat(r.settings()).doesNotContainKey("enable_http_compression");
    }
}
