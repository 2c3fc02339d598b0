package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.QueryResponse;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Chunked response bodies from the real server, read by the client's own chunk decoder. ClickHouse 18.16 writes
 * its HTTP body in chunks of 4,096 bytes (checked with {@code curl --raw}: 4,289 of 4,291 chunks of a 17 MB result
 * were 4,096 bytes). With HttpCore's decoder no read returned more than one chunk, apart from the last 64 KiB, which
 * the client holds back until the body ends.
 */
@ClickHouseIntegrationTest
class ChunkedResponseIntegrationTests {

    private static final int SERVER_CHUNK = 4096;
    private static final int ROWS = 500_000;

    @Test
    void aReadCarriesOnAcrossTheServersChunksAndEveryByteArrivesInOrder(ClickHouseTestDatabase db) throws IOException {
        long expected = 0;
        int reads = 0;
        byte[] buffer = new byte[64 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        try (ClickHouseClient client = ClickHouseClient.fromUrl(uncompressed(db));
                QueryResponse response = client.query("SELECT number FROM system.numbers LIMIT " + ROWS)
                        .fetchBytes("RowBinary")) {
            for (int n = response.read(buffer); n >= 0; n = response.read(buffer)) {
                reads++;
                pending.put(buffer, 0, n).flip();
                while (pending.remaining() >= 8) {
                    assertThat(pending.getLong()).as("UInt64 number %d", expected).isEqualTo(expected);
                    expected++;
                }
                pending.compact();
            }
        }
        assertThat(expected).isEqualTo(ROWS);
        // at least one read per chunk with HttpCore's decoder (the held-back last 64 KiB aside)
        long chunks = ROWS * 8L / SERVER_CHUNK;
        assertThat(reads).as("reads of a 64 KiB buffer for %d chunks of the server's", chunks)
                .isLessThan((int) chunks / 4);
    }

    @Test
    void aConnectionStaysUsableAfterBodiesReadToTheEndOrClosedEarly(ClickHouseTestDatabase db) throws IOException {
        // one pooled connection: every request after the first reuses the one the earlier body was read on
        try (ClickHouseClient client = ClickHouseClient.fromUrl(uncompressed(db)
                + "&max_connections=1&max_connections_per_route=1")) {
            for (int i = 0; i < 3; i++) {
                try (QueryResponse early = client.query("SELECT number FROM system.numbers LIMIT 100000")
                        .fetchBytes("RowBinary")) {
                    assertThat(early.readNBytes(10_000)).hasSize(10_000);
                }
                assertThat(client.query("SELECT count() FROM (SELECT number FROM system.numbers LIMIT 100000)").fetchOne(Long.class))
                        .isEqualTo(100_000L);
            }
        }
    }

    private static String uncompressed(ClickHouseTestDatabase db) {
        String url = db.url(db.server().defaultUser());
        return url + (url.contains("?") ? "&" : "?") + "compression=none";
    }
}
