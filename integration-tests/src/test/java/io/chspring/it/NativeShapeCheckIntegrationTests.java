package io.chspring.it;

import static io.chspring.it.ItSupport.finishedLogEntry;
import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.Compression;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.RequestEvent;
import io.chspring.client.query.ExternalTable;
import io.chspring.client.query.RowCursor;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check of a repeated typed read on 18.16 through the public API: the first run learns the columns with DESCRIBE
 * and reads RowBinary; every later run sends the caller's SQL as written in Native, checks the first block's header
 * against the known columns and hands the rows, transcoded, to the same row reader. Requests are counted with the
 * client's request listener, and what the server ran is read from its query_log.
 */
@ClickHouseIntegrationTest
class NativeShapeCheckIntegrationTests {

    /** Every type the check transcodes that 18.16 has, nested as a service's table might. */
    private static final String WIDE = "CREATE TABLE wide (id UInt64, name String, note Nullable(String), "
            + "tags Array(Nullable(String)), price Decimal(18, 4), at DateTime, uid UUID, "
            + "kind Enum16('a' = 1, 'b' = 1000), code FixedString(2), pair Tuple(UInt32, Array(Nullable(UInt8))), "
            + "grid Array(Array(Int16)), ratio Float64) ENGINE = MergeTree ORDER BY id";
    /** 60,000 rows, ~5 MB of RowBinary: over the 1 MiB below which 18.16's compress=1 answers nothing (quirk 1). */
    private static final String FILL = "INSERT INTO wide SELECT number, concat('name ', toString(number)), "
            + "if(number % 3 = 0, NULL, concat('note ', toString(number))), "
            + "arrayMap(x -> if(x % 2 = 1, NULL, toString(x)), range(number % 4)), toDecimal64(number / 8, 4), "
            + "toDateTime('2024-01-01 00:00:00') + number, "
            + "toUUID(concat('61f0c404-5cb3-11e7-907b-a6006ad3d', toString(100 + number % 900))), "
            + "if(number % 2 = 0, 'a', 'b'), toFixedString(toString(number % 100), 2), "
            + "tuple(toUInt32(number), arrayMap(x -> if(x = 1, NULL, toUInt8(x)), range(number % 3))), "
            + "arrayMap(x -> range(x), range(number % 3)), number / 7 FROM numbers(60000)";

    record Wide(long id, String name, String note, List<String> tags, BigDecimal price, LocalDateTime at, UUID uid,
            String kind, String code, List<Object> pair, List<List<Short>> grid, double ratio) {
    }

    record Three(long a, long b, long c) {
    }

    private final List<RequestEvent> requests = new CopyOnWriteArrayList<>();
    private ClickHouseTestDatabase db;
    private ClickHouseClient client;

    @BeforeEach
    void setUp(ClickHouseTestDatabase db) {
        this.db = db;
        client = client(false);
        client.capabilities(); // the version request, out of the counts
        requests.clear();
    }

    private ClickHouseClient client(boolean lz4) {
        return ClickHouseClient.builder().url(db.url(db.server().defaultUser())).setting("log_queries", 1)
                .forceResponseCompression(lz4).requestListener(requests::add).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private int sentSinceLastCall() {
        int n = requests.size();
        requests.clear();
        return n;
    }

    @Test
    void repeatedReadsGiveTheFirstReadsRowsWithAndWithoutLz4() throws InterruptedException {
        client.execute("DROP TABLE IF EXISTS wide");
        client.execute(WIDE);
        client.execute(FILL);
        for (boolean lz4 : new boolean[] {false, true}) {
            try (ClickHouseClient reader = client(lz4)) {
                reader.capabilities();
                requests.clear();
                String sql = "SELECT ?fields FROM wide WHERE id >= ? ORDER BY id";
                // the first read uncompressed: DESCRIBE's small answer would come back empty under compress=1
                // (quirk 1); a derived client shares the cache
                List<Wide> first = reader.withCompression(Compression.NONE).query(sql).bind(0).fetchAll(Wide.class);
                assertThat(sentSinceLastCall()).as("DESCRIBE and the query").isEqualTo(2);
                String secondId = "it-native-wide-" + UUID.randomUUID();
                String thirdId = "it-native-wide-" + UUID.randomUUID();
                List<Wide> second = reader.query(sql).bind(0).queryId(secondId).fetchAll(Wide.class);
                List<Wide> third = reader.query(sql).bind(1).queryId(thirdId).fetchAll(Wide.class);
                assertThat(sentSinceLastCall()).as("lz4 %s: one request per repeated read", lz4).isEqualTo(2);
                // the second run checks the Native header; past 8,192 rows later runs take the wrapper, which costs
                // the server a constant where transcoding costs the client per row
                assertThat(finishedLogEntry(db, secondId, "query")).doesNotContain("throwIf");
                assertThat(finishedLogEntry(db, thirdId, "query")).contains("throwIf(toTypeName(tuple(*))");
                assertThat(first).hasSize(60_000);
                assertThat(second).isEqualTo(first);
                assertThat(third).isEqualTo(first.subList(1, first.size()));
                // a spot check against values written by hand from FILL
                Wide w = first.get(13);
                assertThat(w).isEqualTo(new Wide(13, "name 13", "note 13", List.of("0"), new BigDecimal("1.6250"),
                        LocalDateTime.of(2024, 1, 1, 0, 0, 13), UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3d113"),
                        "b", "13", w.pair(), List.of(List.of()), 13 / 7.0));
                assertThat(w.pair()).hasToString("[13, [0]]");
                assertThat(first.get(3).note()).isNull();
                assertThat(first.get(3).tags()).containsExactly("0", null, "2");
            }
        }
    }

    @Test
    void aRepeatedReadSendsOneRequestOfTheCallersSqlWithoutTheWrapper() throws InterruptedException {
        client.execute("CREATE TABLE small (a UInt32, b UInt32, c UInt32) ENGINE = MergeTree ORDER BY a");
        client.execute("INSERT INTO small VALUES (1, 10, 100), (2, 20, 200)");
        String sql = "SELECT ?fields FROM small WHERE a = ?";
        assertThat(client.query(sql).bind(1).fetchOne(Three.class)).isEqualTo(new Three(1, 10, 100));
        sentSinceLastCall();
        String id = "it-native-check-" + UUID.randomUUID();
        assertThat(client.query(sql).bind(2).queryId(id).fetchOne(Three.class)).isEqualTo(new Three(2, 20, 200));
        assertThat(sentSinceLastCall()).isEqualTo(1);
        assertThat(client.query(sql).bind(3).fetchOptional(Three.class)).isEmpty();
        assertThat(sentSinceLastCall()).isEqualTo(1);
        assertThat(finishedLogEntry(db, id, "query").strip())
                .isEqualTo("SELECT `a`, `b`, `c` FROM small WHERE a = 2");
    }

    @Test
    void aFirstBlockTooLargeToHoldIsDroppedAndTheWrapperReadsTheRows() throws InterruptedException {
        // A Memory table keeps each insert's block: one of 100,000 rows, more than the 65,536 a Native read may hold.
        client.execute("CREATE TABLE big (a UInt64, b UInt64, c UInt64) ENGINE = Memory");
        client.execute("INSERT INTO big SELECT number, number * 2, number * 3 FROM numbers(100000)");
        sentSinceLastCall();
        String sql = "SELECT a, b, c FROM big";
        List<Three> first = client.query(sql).fetchAll(Three.class);
        assertThat(sentSinceLastCall()).as("DESCRIBE and the query").isEqualTo(2);
        assertThat(first).hasSize(100_000);
        assertThat(first.get(99_999)).isEqualTo(new Three(99_999, 199_998, 299_997));

        assertThat(client.query(sql).fetchAll(Three.class)).isEqualTo(first);
        List<RequestEvent> second = List.copyOf(requests);
        assertThat(sentSinceLastCall()).as("Native, dropped at its first block, then the wrapper").isEqualTo(2);
        assertThat(finishedLogEntry(db, second.get(1).queryId(), "query")).contains("throwIf(toTypeName(tuple(*))");

        String thirdId = "it-native-big-" + UUID.randomUUID();
        assertThat(client.query(sql).queryId(thirdId).fetchAll(Three.class)).isEqualTo(first);
        assertThat(sentSinceLastCall()).as("the wrapper at once").isEqualTo(1);
        assertThat(finishedLogEntry(db, thirdId, "query")).contains("throwIf(toTypeName(tuple(*))");

        // With the caller's query id the block is dropped too; the wrapper goes out under the same id, replacing the
        // dropped query should the server still run it (aDroppedQueryStillRunningUnderTheCallersIdIsReplaced).
        String other = "SELECT c, b, a FROM big";
        client.query(other).fetchAll(Three.class);
        sentSinceLastCall();
        String chosenId = "it-native-big-" + UUID.randomUUID();
        List<Three> dropped = client.query(other).queryId(chosenId).fetchAll(Three.class);
        assertThat(sentSinceLastCall()).as("Native, dropped at its first block, then the wrapper").isEqualTo(2);
        assertThat(dropped).as("the record takes its columns by name").isEqualTo(first);
    }

    /**
     * 18.16 buffers about 1 MiB of a response before sending it and notices a closed connection only when it next
     * writes. Here each 70,000-row block takes 0.1 s to make (140 KB), so the first block reaches the client about
     * 0.8 s in, while the server makes later ones: the query whose first block was dropped still runs under the
     * caller's id when the wrapper is sent. Sent plainly, that request failed with code 216 (already running; seen
     * with the replacing switched off); it replaces the dropped query.
     */
    @Test
    void aDroppedQueryStillRunningUnderTheCallersIdIsReplaced() throws InterruptedException {
        String sql = "SELECT toUInt8(number % 200) AS a, toUInt8(sleep(0.1)) AS c FROM numbers(1400000)";
        assertThat(client.query(sql).setting("max_block_size", 70_000).fetchAll(Object[].class)).hasSize(1_400_000);
        sentSinceLastCall();
        String chosenId = "it-native-replace-" + UUID.randomUUID();
        List<Object[]> rows = client.query(sql).setting("max_block_size", 70_000).queryId(chosenId)
                .fetchAll(Object[].class);
        assertThat(sentSinceLastCall()).as("Native, dropped at its first block, then the wrapper").isEqualTo(2);
        assertThat(rows).hasSize(1_400_000);
        assertThat(rows.get(1_399_999)).extracting(v -> ((Number) v).intValue()).containsExactly(1_399_999 % 200, 0);
        assertThat(finishedLogEntry(db, chosenId, "query")).contains("throwIf(toTypeName(tuple(*))");
    }

    @Test
    void aRepeatedReadSendsItsExternalTables() {
        // the first query is checked from its Native header, the second (a zoned DateTime) by the wrapper
        for (String sql : List.of("SELECT number AS n, toString(number) AS s FROM numbers(10) WHERE number IN ids "
                + "ORDER BY n", "SELECT number AS n, toDateTime(number, 'UTC') AS t FROM numbers(10) WHERE number IN ids "
                + "ORDER BY n")) {
            for (int i = 0; i < 3; i++) {
                List<Long> ids = List.of((long) i, i + 5L);
                assertThat(client.query(sql).externalTable(ExternalTable.of("ids", "id UInt64").rows(
                        ids.stream().map(List::of).toList())).fetchAll(Object[].class))
                        .extracting(r -> ((Number) r[0]).longValue()).containsExactlyElementsOf(ids);
            }
            assertThat(sentSinceLastCall()).as("DESCRIBE and three reads of %s", sql).isEqualTo(4);
        }
    }

    @Test
    void anEmptyRepeatedResultHasNoRowsAndKnowsItsColumns() {
        String sql = "SELECT number AS n, toString(number) AS s FROM numbers(?) WHERE number >= 5";
        assertThat(client.query(sql).bind(10).fetchAll(Object[].class)).hasSize(5);
        try (RowCursor<Object[]> empty = client.query(sql).bind(3).fetch(Object[].class)) {
            assertThat(empty.hasNext()).isFalse();
            assertThat(empty.columns()).extracting(c -> c.name() + " " + c.type()).containsExactly("n UInt64",
                    "s String");
        }
        try (RowCursor<Object[]> rows = client.query(sql).bind(7).fetch(Object[].class)) {
            assertThat(rows.stream().map(r -> r[0] + "/" + r[1]).toList()).containsExactly("5/5", "6/6");
        }
    }

    @Test
    void aZonedDateTimeKeepsTheWrapperAndLowCardinalityIsCheckedFromTheHeader() throws InterruptedException {
        db.query("CREATE TABLE lc (id UInt32, tag LowCardinality(String), at DateTime('UTC')) ENGINE = MergeTree "
                + "ORDER BY id", Map.of("allow_experimental_low_cardinality_type", 1));
        client.execute("INSERT INTO lc VALUES (1, 'x', 0), (2, 'y', 1)");
        // a time zone: 18.16's Native header of this column says DateTime, so the wrapper checks it, in one request
        String zoned = "SELECT id, at FROM lc ORDER BY id";
        assertThat(client.query(zoned).fetchAll(Object[].class)).hasSize(2);
        sentSinceLastCall();
        String zonedId = "it-native-check-tz-" + UUID.randomUUID();
        assertThat(client.query(zoned).queryId(zonedId).fetchAll(Object[].class)).hasSize(2);
        assertThat(sentSinceLastCall()).isEqualTo(1);
        assertThat(finishedLogEntry(db, zonedId, "query")).contains("throwIf(toTypeName(tuple(*)) != ")
                .contains("DateTime(");
        // LowCardinality is transcoded: checked from the Native header, in one request of the caller's SQL (the
        // wrapper would not do: 18.16 refuses it for this type, as toTypeName inside tuple() drops LowCardinality)
        String sql = "SELECT id, tag FROM lc ORDER BY id";
        assertThat(client.query(sql).fetchAll(Object[].class)).hasSize(2);
        sentSinceLastCall();
        for (int run = 0; run < 2; run++) {
            String id = "it-native-check-lc-" + UUID.randomUUID();
            assertThat(client.query(sql).queryId(id).fetchAll(Object[].class)).extracting(r -> r[1])
                    .containsExactly("x", "y");
            assertThat(sentSinceLastCall()).as("run %d", run + 2).isEqualTo(1);
            assertThat(finishedLogEntry(db, id, "query").strip()).isEqualTo(sql);
        }
    }

    record Tagged(long id, String tag, String note, String code, long level, LocalDate day) {
    }

    @Test
    void aRepeatedLowCardinalityReadSendsOneRequestPerRunAndGivesItsValues() throws InterruptedException {
        db.query("CREATE TABLE tagged (id UInt32, tag LowCardinality(String), note LowCardinality(Nullable(String)), "
                + "code LowCardinality(FixedString(2)), level LowCardinality(UInt32), day LowCardinality(Date)) "
                + "ENGINE = MergeTree ORDER BY id", Map.of("allow_experimental_low_cardinality_type", 1));
        client.execute("INSERT INTO tagged SELECT number, concat('tag ', toString(number % 3)), "
                + "if(number % 4 = 0, NULL, concat('note ', toString(number % 5))), "
                + "toFixedString(concat('c', toString(number % 10)), 2), number % 6 * 1000, "
                + "toDate('2024-02-28') + number % 3 FROM numbers(1000)");
        // blocks of 100 rows: each with its own dictionary
        try (ClickHouseClient reader = ClickHouseClient.builder().url(db.url(db.server().defaultUser()))
                .setting("log_queries", 1).setting("max_block_size", 100).requestListener(requests::add).build()) {
            reader.capabilities();
            requests.clear();
            String sql = "SELECT ?fields FROM tagged WHERE id >= ? ORDER BY id";
            List<Tagged> first = reader.query(sql).bind(0).fetchAll(Tagged.class);
            assertThat(sentSinceLastCall()).as("DESCRIBE and the query").isEqualTo(2);
            for (int run = 2; run <= 4; run++) {
                String id = "it-native-lc-" + UUID.randomUUID();
                List<Tagged> again = reader.query(sql).bind(run).queryId(id).fetchAll(Tagged.class);
                // asking DESCRIBE again (as before LowCardinality was transcoded) would make this 2 or 3
                assertThat(sentSinceLastCall()).as("run %d: one request", run).isEqualTo(1);
                assertThat(finishedLogEntry(db, id, "query").strip()).isEqualTo("SELECT `id`, `tag`, `note`, `code`, "
                        + "`level`, `day` FROM tagged WHERE id >= " + run + " ORDER BY id");
                assertThat(again).isEqualTo(first.subList(run, first.size()));
            }
            assertThat(first).hasSize(1000);
            // values written by hand from the INSERT
            assertThat(first.get(4)).isEqualTo(new Tagged(4, "tag 1", null, "c4", 4000, LocalDate.of(2024, 2, 29)));
            assertThat(first.get(7)).isEqualTo(new Tagged(7, "tag 1", "note 2", "c7", 1000,
                    LocalDate.of(2024, 2, 29)));
            assertThat(first.get(998)).isEqualTo(new Tagged(998, "tag 2", "note 3", "c8", 2000,
                    LocalDate.of(2024, 3, 1)));
        }
    }

    @Test
    void aStaleShapeAfterModifyAddOrDropDecodesWithTheNewColumns() {
        client.execute("CREATE TABLE altered (a UInt32, b UInt32, c UInt32) ENGINE = MergeTree ORDER BY a");
        client.execute("INSERT INTO altered VALUES (1, 2, 3)");
        String sql = "SELECT * FROM altered ORDER BY a";
        assertThat(client.query(sql).fetchAll(Three.class)).containsExactly(new Three(1, 2, 3));
        assertThat(client.query(sql).fetchAll(Three.class)).containsExactly(new Three(1, 2, 3));

        client.execute("ALTER TABLE altered MODIFY COLUMN b UInt64");
        client.execute("INSERT INTO altered VALUES (2, 8589934593, 4)");
        sentSinceLastCall();
        // decoded with the cached UInt32 the second row would read as (2, 1, 2): the header says UInt64 first
        assertThat(client.query(sql).fetchAll(Three.class)).containsExactly(new Three(1, 2, 3),
                new Three(2, 8589934593L, 4));
        assertThat(sentSinceLastCall()).as("the refused header, DESCRIBE, the query").isEqualTo(3);

        client.execute("ALTER TABLE altered ADD COLUMN d String DEFAULT 'x'");
        assertSameAsAFirstRun(sql);
        client.execute("ALTER TABLE altered DROP COLUMN d");
        client.execute("ALTER TABLE altered DROP COLUMN c");
        assertSameAsAFirstRun(sql);
        assertThat(catchThrowable(() -> client.query(sql).fetchAll(Three.class)))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("c");
    }

    /** A repeated read of {@code sql} (columns cached) ends as a fresh client's first read does: rows or error. */
    private void assertSameAsAFirstRun(String sql) {
        List<Three> repeated = null;
        Throwable repeatedError = null;
        try {
            repeated = client.query(sql).fetchAll(Three.class);
        } catch (RuntimeException e) {
            repeatedError = e;
        }
        try (ClickHouseClient fresh = client(false)) {
            if (repeatedError == null) {
                assertThat(repeated).isEqualTo(fresh.query(sql).fetchAll(Three.class));
            } else {
                Throwable first = catchThrowable(() -> fresh.query(sql).fetchAll(Three.class));
                assertThat(repeatedError).isInstanceOf(first.getClass()).hasMessage(first.getMessage());
            }
        }
    }

    @Test
    void aMidStreamErrorOfARepeatedReadIsTheServersWithItsQueryId() {
        // wide rows: the server has flushed megabytes when the row throws, so the error comes after data (HTTP 200)
        String sql = "SELECT number AS n, concat('row ', toString(number)) AS s, throwIf(number = ?) AS t "
                + "FROM system.numbers LIMIT ?";
        assertThat(client.query(sql).bind(-1, 3).fetchAll(Object[].class)).hasSize(3);
        sentSinceLastCall();
        String id = "it-native-midstream-" + UUID.randomUUID();
        long[] rows = {0};
        Throwable thrown = catchThrowable(() -> {
            try (RowCursor<Object[]> cursor = client.query(sql).bind(3_000_000, 4_000_000).queryId(id)
                    .fetch(Object[].class)) {
                while (cursor.hasNext()) {
                    assertThat(((Number) cursor.next()[0]).longValue()).isEqualTo(rows[0]);
                    rows[0]++;
                }
            }
        });
        assertThat(thrown).isInstanceOf(ClickHouseServerException.class);
        ClickHouseServerException e = (ClickHouseServerException) thrown;
        assertThat(e.errorCode()).isEqualTo(395);
        assertThat(e.queryId()).isEqualTo(id);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(rows[0]).isPositive().isLessThan(3_000_000);
        assertThat(sentSinceLastCall()).isEqualTo(1);
        // a result limit that overflows once rows were sent
        String limited = "it-native-overflow-" + UUID.randomUUID();
        ClickHouseServerException overflow = serverError(396, () -> client.query(sql).bind(-1, 4_000_000)
                .queryId(limited).setting("max_result_rows", 2_000_000).setting("max_block_size", 10_000)
                .fetchAll(Object[].class));
        assertThat(overflow.queryId()).isEqualTo(limited);
    }
}
