package io.chspring.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.QuerySummary;
import io.chspring.client.query.QueryResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's operations against the real chDB 26.5 engine, in process. */
class EmbeddedClientIntegrationTests {

    private static ClickHouseClient root;
    private static ClickHouseClient client;

    @BeforeAll
    static void open() {
        root = EmbeddedEngine.client();
        root.execute("CREATE DATABASE IF NOT EXISTS emb_it");
        client = root.withDatabase("emb_it");
    }

    @AfterAll
    static void close() {
        if (root != null) {
            root.execute("DROP DATABASE IF EXISTS emb_it");
            root.close();
        }
    }

    @Test
    void reportsTheModernEngineVersion() {
        assertThat(client.serverVersion().toString()).startsWith("26.5");
        assertThat(client.capabilities().supportsQueryParameters()).isTrue();
    }

    @Test
    void ddlAndTextReads() {
        client.execute("CREATE TABLE ddl_t (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO ddl_t VALUES (1, 'a'), (2, 'b')");
        assertThat(client.query("SELECT id, name FROM ddl_t ORDER BY id").fetchString("TabSeparated"))
                .isEqualTo("1\ta\n2\tb\n");
        assertThat(client.query("EXISTS TABLE ddl_t").fetchString("TabSeparated")).isEqualTo("1\n");
        client.execute("DROP TABLE ddl_t");
        assertThat(client.query("EXISTS TABLE ddl_t").fetchString("TabSeparated")).isEqualTo("0\n");
    }

    @Test
    void rowBinaryReadsAreTheEnginesBytes() throws IOException {
        try (QueryResponse r = client.query("SELECT toUInt32(7), 'abc', toNullable(toInt8(-1)), [1, 2]::Array(UInt8)")
                .fetchBytes("RowBinary")) {
            assertThat(HexFormat.of().formatHex(r.readAllBytes())).isEqualTo("070000000361626300ff020102");
        }
    }

    @Test
    void largeRowBinaryWithNamesAndTypesStreamsWithOneHeader() throws IOException {
        // 300k rows make several chDB chunks; each chunk repeats the header, the transport keeps only the first.
        try (QueryResponse r = client.query("SELECT number AS n FROM numbers(300000)")
                .fetchBytes("RowBinaryWithNamesAndTypes")) {
            byte[] header = r.readNBytes(10);
            assertThat(HexFormat.of().formatHex(header)).isEqualTo("01016e0655496e743634");
            ByteBuffer rows = ByteBuffer.wrap(r.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(rows.remaining()).isEqualTo(300_000 * 8);
            for (long i = 0; i < 300_000; i++) {
                assertThat(rows.getLong()).isEqualTo(i);
            }
        }
    }

    @Test
    void emptyResultKeepsTheHeader() throws IOException {
        try (QueryResponse r = client.query("SELECT toUInt8(1) AS x WHERE 0").fetchBytes("RowBinaryWithNamesAndTypes")) {
            assertThat(HexFormat.of().formatHex(r.readAllBytes())).isEqualTo("0101780555496e7438");
        }
    }

    @Test
    void nonStreamableFormatIsReadWhole() {
        String json = client.query("SELECT number FROM numbers(3)").fetchString("JSONCompact");
        assertThat(json).contains("\"data\":").contains("\"rows\": 3");
    }

    @Test
    void rawRowBinaryInsertIsBinarySafe() throws IOException {
        client.execute("CREATE TABLE bin_t (id UInt32, s String) ENGINE = MergeTree ORDER BY id");
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) {
            every[i] = (byte) i;
        }
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        rows.write(new byte[] {1, 0, 0, 0, (byte) 0x80, 0x02});
        rows.write(every);
        rows.write(new byte[] {2, 0, 0, 0, 2, '\n', '\n'});
        rows.write(new byte[] {3, 0, 0, 0, 3, '\n', '\n', '\n'});
        byte[] body = rows.toByteArray();
        var summary = client.insert("bin_t").columns("id", "s").format("RowBinary").send(out -> out.write(body));
        assertThat(summary.toString()).isNotNull();
        assertThat(client.query("SELECT id, hex(s) FROM bin_t ORDER BY id").fetchString("TabSeparated"))
                .isEqualTo("1\t" + HexFormat.of().withUpperCase().formatHex(every) + "\n2\t0A0A\n3\t0A0A0A\n");
        assertThat(tempFilesLeft()).isEmpty();
    }

    @Test
    void failedInsertDeletesItsFileAndReportsTheCode() throws IOException {
        client.execute("CREATE TABLE bad_ins (id UInt64) ENGINE = Memory");
        assertThatThrownBy(() -> client.insert("bad_ins").format("RowBinary").send(out -> out.write(new byte[] {1, 2})))
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> assertThat(e.errorCode()).isEqualTo(33));
        assertThat(tempFilesLeft()).isEmpty();
    }

    /**
     * The insert files in the temporary directory that were not there before this test: the directory is shared with
     * every other process on the machine, and a JVM killed in the middle of an insert (no code can delete a file then)
     * must not fail these tests.
     */
    private List<Path> tempFilesLeft() throws IOException {
        return insertFiles().stream().filter(p -> !insertFilesBefore.contains(p)).toList();
    }

    private static List<Path> insertFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("chspring-chdb-insert-")).toList();
        }
    }

    private List<Path> insertFilesBefore = List.of();

    @BeforeEach
    void noteTheInsertFilesAlreadyThere() throws IOException {
        insertFilesBefore = insertFiles();
    }

    @Test
    void settingsApplyToTheRequestOnly() {
        assertThat(client.query("SELECT getSetting('max_threads')").setting("max_threads", 3)
                .fetchString("TabSeparated")).isEqualTo("3\n");
        assertThat(client.withSetting("max_block_size", 1234).query("SELECT getSetting('max_block_size')")
                .fetchString("TabSeparated")).isEqualTo("1234\n");
        assertThat(client.query("SELECT getSetting('max_block_size')").fetchString("TabSeparated"))
                .isNotEqualTo("1234\n");
        assertThatThrownBy(() -> client.query("SELECT 1").setting("no_such_setting", 1).execute())
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> assertThat(e.errorCode()).isEqualTo(115));
    }

    @Test
    void serverSideParameters() {
        assertThat(client.query("SELECT {a:UInt8} + 1, {s:String}, {d:Date}").param("a", 254).param("s", "x\ty'z")
                .param("d", java.time.LocalDate.of(2024, 2, 29)).fetchString("TabSeparated"))
                .isEqualTo("255\tx\\ty\\'z\t2024-02-29\n");
        assertThat(client.query("SELECT {v:Int64}").param("v", Long.MIN_VALUE).fetchString("TabSeparated"))
                .isEqualTo(Long.MIN_VALUE + "\n");
    }

    @Test
    void outOfRangeIntegerParameterIsRejectedNotWrapped() {
        assertThatThrownBy(() -> client.query("SELECT {a:UInt8}").param("a", 300).fetchString("TabSeparated"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("'a' = 300 is out of range for UInt8");
        assertThatThrownBy(() -> client.query("SELECT {a:Nullable(Int8)}").param("a", -129).execute())
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("Int8");
        assertThatThrownBy(() -> client.query("SELECT {a:UInt8}").param("a", "abc").execute())
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> assertThat(e.errorCode()).isEqualTo(457));
    }

    @Test
    void errorsCarryTheirCodeNameAndQueryId() {
        assertThatThrownBy(() -> client.query("SELEC 1").queryId("qid-syntax").execute())
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(62);
                    assertThat(e.errorName()).isEqualTo("SYNTAX_ERROR");
                    assertThat(e.queryId()).isEqualTo("qid-syntax");
                    assertThat(e.getMessage()).contains("Syntax error");
                });
        assertThatThrownBy(() -> client.query("SELECT * FROM no_such_table").fetchString("RowBinary"))
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(60);
                    assertThat(e.errorName()).isEqualTo("UNKNOWN_TABLE");
                });
    }

    @Test
    void errorAfterStreamedRowsSurfacesFromRead() {
        assertThatThrownBy(() -> client.query("SELECT throwIf(number = 250000) FROM numbers(300000)")
                .fetchString("RowBinary"))
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> assertThat(e.errorCode()).isEqualTo(395));
    }

    @Test
    void closingEarlyCancelsTheQuery() throws IOException {
        long start = System.nanoTime();
        try (QueryResponse r = client.query("SELECT number FROM numbers(10000000000)").fetchBytes("RowBinary")) {
            assertThat(r.readNBytes(8)).hasSize(8);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(client.query("SELECT 1").fetchString("TabSeparated")).isEqualTo("1\n");
    }

    @Test
    void sessionsKeepTemporaryTablesAndSets() {
        String session = "emb-session-" + System.nanoTime();
        client.query("CREATE TEMPORARY TABLE tmp (x UInt8)").session(session).execute();
        client.query("INSERT INTO tmp VALUES (1), (2), (3)").session(session).execute();
        client.query("SET max_threads = 1").session(session).execute();
        assertThat(client.query("SELECT sum(x), getSetting('max_threads') FROM tmp").session(session)
                .fetchString("TabSeparated")).isEqualTo("6\t1\n");
        // A request setting applies to that request; the session's own SET comes back afterwards.
        assertThat(client.query("SELECT getSetting('max_threads')").session(session).setting("max_threads", 2)
                .fetchString("TabSeparated")).isEqualTo("2\n");
        assertThat(client.query("SELECT getSetting('max_threads')").session(session).fetchString("TabSeparated"))
                .isEqualTo("1\n");
        assertThatThrownBy(() -> client.query("SELECT sum(x) FROM tmp").execute())
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> assertThat(e.errorCode()).isEqualTo(60));
    }

    @Test
    void concurrentUseOfOneSessionFailsWith373() throws IOException {
        String session = "emb-locked-" + System.nanoTime();
        try (QueryResponse open = client.query("SELECT number FROM numbers(10000000)").session(session)
                .fetchBytes("RowBinary")) {
            open.readNBytes(8);
            assertThatThrownBy(() -> client.query("SELECT 1").session(session).execute())
                    .isInstanceOfSatisfying(ClickHouseServerException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(373));
        }
        assertThat(client.query("SELECT 1").session(session).fetchString("TabSeparated")).isEqualTo("1\n");
    }

    @Test
    void lightweightDelete() {
        client.execute("CREATE TABLE del_t (id UInt32) ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO del_t SELECT number FROM numbers(10)");
        client.execute("DELETE FROM del_t WHERE id % 2 = 0");
        assertThat(client.query("SELECT count(), sum(id) FROM del_t").fetchString("TabSeparated"))
                .isEqualTo("5\t25\n");
    }

    @Test
    void insertDeduplicationTokenStoresABatchOnce() {
        client.execute("CREATE TABLE dedup_t (id UInt32) ENGINE = MergeTree ORDER BY id "
                + "SETTINGS non_replicated_deduplication_window = 100");
        byte[] rows = {1, 0, 0, 0, 2, 0, 0, 0};
        for (int attempt = 0; attempt < 3; attempt++) {
            client.insert("dedup_t").format("RowBinary").setting("insert_deduplication_token", "batch-1")
                    .send(out -> out.write(rows));
        }
        client.insert("dedup_t").format("RowBinary").setting("insert_deduplication_token", "batch-2")
                .send(out -> out.write(rows));
        assertThat(client.query("SELECT count() FROM dedup_t").fetchString("TabSeparated")).isEqualTo("4\n");
    }

    @Test
    void insertReportsWrittenRows() {
        client.execute("CREATE TABLE sum_t (id UInt32) ENGINE = Memory");
        QuerySummary summary = client.query("INSERT INTO sum_t SELECT number FROM numbers(7)").execute();
        assertThat(summary.writtenRows()).hasValue(7);
    }

    @Test
    void twoThreadsQueryAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> task = () -> {
                String last = null;
                for (int i = 0; i < 50; i++) {
                    last = client.query("SELECT sum(number) FROM numbers(100000)").fetchString("TabSeparated");
                }
                return last;
            };
            Future<String> a = pool.submit(task);
            Future<String> b = pool.submit(task);
            assertThat(a.get()).isEqualTo("4999950000\n");
            assertThat(b.get()).isEqualTo("4999950000\n");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fromUrlFindsTheEmbeddedModule() {
        try (ClickHouseClient viaUrl = ClickHouseClient.fromUrl("chdb::memory:?database=emb_it&max_threads=2")) {
            assertThat(viaUrl.query("SELECT currentDatabase(), getSetting('max_threads')")
                    .fetchString("TabSeparated")).isEqualTo("emb_it\t2\n");
            assertThat(viaUrl.toString()).contains("chdb::memory:");
        }
        assertThatThrownBy(() -> ClickHouseClient.fromUrl("chdb:/tmp/another-path-" + System.nanoTime()))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("one data path per process");
        assertThat(new String("ok".getBytes(UTF_8), UTF_8)).isEqualTo("ok");
    }
}
