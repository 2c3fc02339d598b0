package io.chspring.it;

import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.RequestEvent;
import io.chspring.client.query.MapRows;
import io.chspring.client.query.PreparedQuery;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A typed read on 18.16 (no RowBinaryWithNamesAndTypes) asks {@code DESCRIBE (query)} the first time only; a repeat of
 * the same query is sent as written in Native, whose header is checked against the known columns before any row is
 * decoded (NativeShapeCheckIntegrationTests covers that path in depth). The requests are counted with the client's
 * request listener. A table altered between two reads (issue 14's promise for reads: a stale schema must never decode
 * wrong) makes the check fail, and the read asks DESCRIBE again and decodes with the new types.
 */
@ClickHouseIntegrationTest
class ResultShapeCacheIntegrationTests {

    record Three(long a, long b, long c) {
    }

    record Typed(int id, String kind, String note, List<Short> list, LocalDateTime at, BigDecimal price,
            String code) {
    }

    private final List<RequestEvent> requests = new CopyOnWriteArrayList<>();
    private ClickHouseClient client;

    @BeforeEach
    void setUp(ClickHouseTestDatabase db) {
        client = ClickHouseClient.builder().url(db.url(db.server().defaultUser())).requestListener(requests::add).build();
        client.capabilities(); // the version request, out of the counts
        requests.clear();
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
    void aRepeatedTypedReadCostsOneRequestWithOtherValues() {
        client.execute("CREATE TABLE rep (a UInt32, b UInt32, c UInt32) ENGINE = MergeTree ORDER BY a");
        client.execute("INSERT INTO rep VALUES (1, 10, 100), (2, 20, 200), (3, 30, 300)");
        sentSinceLastCall();

        assertThat(client.query("SELECT ?fields FROM rep WHERE a = ?").bind(1).fetchAll(Three.class))
                .containsExactly(new Three(1, 10, 100));
        assertThat(sentSinceLastCall()).as("DESCRIBE and the query").isEqualTo(2);
        for (int a = 1; a <= 3; a++) {
            assertThat(client.query("SELECT ?fields FROM rep WHERE a = ?").bind(a).fetchAll(Three.class))
                    .containsExactly(new Three(a, a * 10, a * 100));
            assertThat(sentSinceLastCall()).as("read of a = %d", a).isEqualTo(1);
        }
        PreparedQuery<Three> prepared = client.prepare("SELECT ?fields FROM rep WHERE a >= :a ORDER BY a", Three.class);
        assertThat(prepared.bind("a", 2).fetchAll()).hasSize(2);
        assertThat(sentSinceLastCall()).isEqualTo(2);
        assertThat(prepared.bind("a", 3).fetchAll()).containsExactly(new Three(3, 30, 300));
        assertThat(prepared.bind("a", 9).fetchAll()).isEmpty();
        assertThat(sentSinceLastCall()).as("two more runs of the prepared query").isEqualTo(2);
        assertThat(client.withSetting("max_threads", 1).query("SELECT count() FROM rep").fetchOne(Long.class))
                .isEqualTo(3);
        assertThat(client.query("SELECT count() FROM rep").fetchOne(Long.class)).isEqualTo(3);
        assertThat(sentSinceLastCall()).as("a derived client shares the cache").isEqualTo(3);
    }

    @Test
    void aColumnTypeChangedAfterTheFirstReadIsDecodedWithItsNewType() {
        client.execute("CREATE TABLE widened (a UInt32, b UInt32, c UInt32) ENGINE = MergeTree ORDER BY a");
        client.execute("INSERT INTO widened VALUES (1, 1, 1)");
        assertThat(client.query("SELECT ?fields FROM widened ORDER BY a").fetchAll(Three.class))
                .containsExactly(new Three(1, 1, 1));
        client.execute("TRUNCATE TABLE widened");
        client.execute("ALTER TABLE widened MODIFY COLUMN b UInt64");
        client.execute("INSERT INTO widened VALUES (1, 4294967297, 2), (2, 12884901890, 3)");
        sentSinceLastCall();

        // decoded with the cached UInt32, these rows would read as (1, 1, 1), (1, 2, 2), ... (issue 14's defect 1)
        assertThat(client.query("SELECT ?fields FROM widened ORDER BY a").fetchAll(Three.class))
                .containsExactly(new Three(1, 4294967297L, 2), new Three(2, 12884901890L, 3));
        assertThat(sentSinceLastCall()).as("the refused check, DESCRIBE, the query").isEqualTo(3);
        assertThat(client.query("SELECT ?fields FROM widened ORDER BY a").fetchAll(Three.class)).hasSize(2);
        assertThat(sentSinceLastCall()).as("the new columns are cached").isEqualTo(1);
    }

    @Test
    void columnsAddedOrDroppedAfterTheFirstReadAreSeen() {
        client.execute("CREATE TABLE grown (a UInt32, b UInt32) ENGINE = MergeTree ORDER BY a");
        client.execute("INSERT INTO grown VALUES (1, 2)");
        assertThat(client.query("SELECT * FROM grown").fetchMaps().columns()).extracting(c -> c.name())
                .containsExactly("a", "b");
        client.execute("ALTER TABLE grown ADD COLUMN c String DEFAULT 'x'");
        MapRows added = client.query("SELECT * FROM grown").fetchMaps();
        assertThat(added.columns()).extracting(c -> c.name()).containsExactly("a", "b", "c");
        assertThat(added.get(0)).containsEntry("c", "x");
        client.execute("ALTER TABLE grown DROP COLUMN b");
        sentSinceLastCall();
        MapRows dropped = client.query("SELECT * FROM grown").fetchMaps();
        assertThat(dropped.columns()).extracting(c -> c.name()).containsExactly("a", "c");
        assertThat(dropped.get(0)).containsEntry("a", 1L).containsEntry("c", "x");
        assertThat(sentSinceLastCall()).as("the refused check (another header), DESCRIBE, the query").isEqualTo(3);
    }

    @Test
    void typesWithQuotesAndParametersPassTheCheck() {
        client.execute("CREATE TABLE typed (id Int32, kind Enum8('it''s' = 1, 'a\\\\b' = 2), note Nullable(String), "
                + "list Array(Nullable(UInt8)), at DateTime('UTC'), price Decimal(18, 4), code FixedString(3)) "
                + "ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO typed VALUES (1, 'it''s', NULL, [1, NULL], '2024-01-02 03:04:05', 1.5, 'abc')");
        Typed expected = new Typed(1, "it's", null, java.util.Arrays.asList((short) 1, null),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5), new BigDecimal("1.5000"), "abc");
        assertThat(client.query("SELECT ?fields FROM typed").fetchAll(Typed.class)).containsExactly(expected);
        sentSinceLastCall();
        assertThat(client.query("SELECT ?fields FROM typed").fetchAll(Typed.class)).containsExactly(expected);
        assertThat(sentSinceLastCall()).as("the server's type texts match the check").isEqualTo(1);
    }

    @Test
    void theQuerysOwnErrorsStayItsOwn() {
        assertThat(client.query("SELECT throwIf(number = ?) AS x FROM numbers(3)").bind(10).fetchAll(Integer.class))
                .containsExactly(0, 0, 0);
        sentSinceLastCall();
        // the query's own throwIf fails with the code the wrapper check uses; the Native check sends the query as
        // written, so its error is the caller's at once (the wrapper took 3 requests: refused check, DESCRIBE, query)
        serverError(395, () -> client.query("SELECT throwIf(number = ?) AS x FROM numbers(3)").bind(1)
                .fetchAll(Integer.class));
        assertThat(sentSinceLastCall()).isEqualTo(1);
        serverError(62, () -> client.query("SELECT throwIf(number = ?) AS x FROM numbers(3) WHERE").bind(1)
                .fetchAll(Integer.class));
    }
}
