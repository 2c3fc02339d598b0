package io.chspring.test.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.QueryResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * A ZSTD client against a modern server's zstd-encoded responses. No engine on this machine shows them: the 18.16
 * server predates zstd HTTP encoding (it gets LZ4 {@code compress=1} responses instead, see
 * ZstdResponseIntegrationTests in integration-tests), and chDB runs in process without HTTP. So the mock stands in for a
 * 26.5 server: it answers with {@code Content-Encoding: zstd} and a body a real ClickHouse 26.5 engine (chDB) wrote for
 * {@code SELECT number * 7 FROM numbers(200000)} in RowBinary ({@code zstd-stream.zst}, also used by the client's
 * FrameCodecTests).
 */
class MockZstdResponseTests {

    private static final int ROWS = 200_000;

    private static byte[] golden() throws IOException {
        try (InputStream in = MockZstdResponseTests.class.getResourceAsStream("/golden/compression/zstd-stream.zst")) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void aZstdClientAsksForZstdAndReadsTheEncodedBody() throws IOException {
        try (MockClickHouseServer mock = MockClickHouseServer.start("26.5.1.1");
                ClickHouseClient client = ClickHouseClient.fromUrl(mock.url() + "?compression=zstd")) {
            RequestHandle read = mock.add(Handlers.provideBytes(golden()).withHeader("Content-Encoding", "zstd"));

            ByteBuffer rows;
            try (QueryResponse response = client.query("SELECT number * 7 FROM numbers(200000)").fetchBytes("RowBinary")) {
                rows = ByteBuffer.wrap(response.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            }

            assertThat(read.headers()).containsEntry("accept-encoding", "zstd");
            assertThat(read.parameters()).containsEntry("enable_http_compression", "1").doesNotContainKey("compress");
            assertThat(rows.remaining()).isEqualTo(ROWS * 8);
            for (long n = 0; n < ROWS; n++) {
                assertThat(rows.getLong()).as("row %d", n).isEqualTo(n * 7);
            }
        }
    }
}
