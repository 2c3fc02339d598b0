package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.Compression;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Every compression method, insert and read, on both engines. Over HTTP (18.16) the request bodies go as ClickHouse
 * frames with {@code decompress=1}: ZSTD frames (method 0x90) and LZ4HC frames (0x82), which the server checks (its
 * CityHash128 of every frame) and decodes; the query log's {@code CompressedReadBufferBytes} shows it decompressed every
 * byte we sent. The embedded engine takes bodies unframed (no network in process), so there the methods must simply
 * change nothing. The frames' bytes themselves are checked in {@code FrameCodecTests} against a real engine's.
 */
@ClickHouseEngines
class CompressionMethodsIntegrationTests {

    /** 150,000 rows of ~30 bytes: ~4.5 MB, so the streaming insert sends several 1 MiB frames. */
    private static final int ROWS = 150_000;

    record Event(long id, String name, double value) {
    }

    @Parameter
    EngineTarget engine;

    private ClickHouseClient client(Compression method, int level) {
        // log_queries: 18.16 keeps no query_log without it
        return ClickHouseClient.builder().url(engine.url()).compression(method, level).setting("log_queries", 1).build();
    }

    private void roundTrip(Compression method, int level) throws Exception {
        String table = "m_" + method.name().toLowerCase() + "_" + (level < 0 ? "n" + -level : level);
        engine.query("CREATE TABLE " + table + " (id UInt64, name String, value Float64) ENGINE = MergeTree ORDER BY id");
        String queryId = "it-compression-" + table + "-" + UUID.randomUUID();
        try (ClickHouseClient client = client(method, level)) {
            assertThat(client.config().compression()).isEqualTo(method);
            assertThat(client.compressesRequestBodies()).isEqualTo(engine.isHttp());
            // a streaming Insert: frames made on the writing thread, 1 MiB each
            try (Insert<Event> insert = client.insert(table, Event.class).queryId(queryId)) {
                for (int i = 0; i < ROWS; i++) {
                    insert.write(new Event(i, "event name " + (i % 1000), i * 0.5));
                }
                insert.end();
            }
            // a small one (one frame of its own size, made when the body is sent)
            client.insertRows(table, List.of("id", "name", "value"),
                    java.util.Collections.singletonList(new Object[] {1_000_000L, "small", -1.0}));
            // an Inserter batch (frames made as rows are appended)
            try (Inserter<Event> inserter = client.inserter(table, Event.class).maxRows(1_000_000).build()) {
                for (int i = 0; i < 10_000; i++) {
                    inserter.write(new Event(2_000_000L + i, "batched", 1));
                }
                inserter.flush();
            }
            long sumOfIds = (long) ROWS * (ROWS - 1) / 2 + 1_000_000L + 10_000L * 2_000_000L + 10_000L * 9_999 / 2;
            assertThat(client.query("SELECT count(), sum(id), sum(length(name)), sum(value) FROM " + table)
                    .fetchString("TabSeparated"))
                    .isEqualTo((ROWS + 10_001) + "\t" + sumOfIds + "\t" + (streamedNameBytes() + 5 + 10_000L * 7) + "\t"
                            + ((long) ROWS * (ROWS - 1) / 4 - 1 + 10_000) + "\n");
            List<Event> some = client.query("SELECT ?fields FROM " + table + " WHERE id < 3 ORDER BY id").fetchAll(Event.class);
            assertThat(some).containsExactly(new Event(0, "event name 0", 0), new Event(1, "event name 1", 0.5),
                    new Event(2, "event name 2", 1));
        }
        if (engine.isHttp()) {
            engine.query("SYSTEM FLUSH LOGS");
            String events = engine.query("SELECT ProfileEvents.Values[indexOf(ProfileEvents.Names, 'CompressedReadBufferBytes')],"
                    + " ProfileEvents.Values[indexOf(ProfileEvents.Names, 'ReadCompressedBytes')] FROM system.query_log"
                    + " WHERE query_id = '" + queryId + "' AND type = 2").strip();
            String[] parts = events.split("\t");
            long plain = Long.parseLong(parts[0]);
            long wire = Long.parseLong(parts[1]);
            // RowBinary of the streamed rows: 8 + 1 + len(name) + 8 bytes a row
            assertThat(plain).isEqualTo(ROWS * 17L + streamedNameBytes());
            assertThat(wire).isPositive().isLessThan(plain / 2);
        }
    }

    /** The bytes of the streamed rows' names: {@code "event name "} and the digits of {@code i % 1000}. */
    private static long streamedNameBytes() {
        long bytes = 0;
        for (int i = 0; i < ROWS; i++) {
            bytes += 11 + Integer.toString(i % 1000).length();
        }
        return bytes;
    }

    @Test
    void zstdAtTheDefaultLevel() throws Exception {
        roundTrip(Compression.ZSTD, 0);
    }

    @Test
    void zstdAtLevel9() throws Exception {
        roundTrip(Compression.ZSTD, 9);
    }

    @Test
    void zstdFastLevel() throws Exception {
        roundTrip(Compression.ZSTD, -5);
    }

    @Test
    void lz4hcAtLevel9() throws Exception {
        roundTrip(Compression.LZ4HC, 9);
    }

    @Test
    void lz4StaysTheDefault() throws Exception {
        roundTrip(Compression.LZ4, 0);
    }
}
