package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.insert.Insert;
import io.chspring.client.insert.InsertSummary;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Inserts without a Java type ({@code Object[]}, {@code List}, {@code Map} rows) on both engines, the HTTP server
 * (18.16) and the embedded 26.5: the column list checked against the table, each bad row refused naming its column
 * and number, large inserts streamed.
 */
@ClickHouseEngines
class UntypedInsertIntegrationTests {

    private static final List<String> COLUMNS = List.of("id", "name", "small", "score", "tags", "day");

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static void create(String table) {
        client.execute("CREATE TABLE " + table + " (id UInt64, name String, small UInt8, score Nullable(Float64), "
                + "tags Array(String), day Date, note String DEFAULT 'n/a', twice UInt64 MATERIALIZED id * 2) "
                + "ENGINE = MergeTree ORDER BY id");
    }

    private static String tsv(String sql) {
        return client.query(sql).fetchString("TabSeparated");
    }

    @Test
    void arrayListAndMapRowsGoInWithTheirTypes() {
        create("mixed");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("day", LocalDate.of(2024, 2, 29));
        map.put("tags", List.of());
        map.put("score", null);
        map.put("small", (short) 255);
        map.put("name", "map row");
        map.put("id", 3L);
        List<Object> rows = List.of(
                new Object[] {1L, "array row", (short) 7, 1.5, List.of("a", "b"), LocalDate.of(2024, 1, 2)},
                Arrays.asList(2L, "list row", (short) 0, -0.25, List.of("ü"), LocalDate.of(1970, 1, 2)),
                map);
        InsertSummary summary = client.insertRows("mixed", COLUMNS, rows);
        assertThat(summary.queryId()).isNotBlank();
        assertThat(tsv("SELECT id, name, small, score, tags, day, note, twice FROM mixed ORDER BY id")).isEqualTo(
                "1\tarray row\t7\t1.5\t['a','b']\t2024-01-02\tn/a\t2\n"
                        + "2\tlist row\t0\t-0.25\t['ü']\t1970-01-02\tn/a\t4\n"
                        + "3\tmap row\t255\t\\N\t[]\t2024-02-29\tn/a\t6\n");
    }

    @Test
    void aColumnListThatDoesNotFitTheTableIsRefusedListingEveryProblem() {
        create("strict");
        assertThatThrownBy(() -> client.insertRows("strict", List.of("id", "nope", "twice", "id", "small", "score",
                "tags", "day")))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("column 'nope' is not in the table")
                .hasMessageContaining("column 'twice' is MATERIALIZED and cannot be inserted")
                .hasMessageContaining("column 'id' is given twice")
                .hasMessageContaining("table column 'name' String is missing and has no default");
    }

    @Test
    void aBadRowIsRefusedNamingItsColumnAndNumberAndNothingIsStored() {
        create("rows");
        Object[] good = {1L, "a", (short) 1, 1.0, List.of(), LocalDate.of(2024, 1, 1)};
        assertThatThrownBy(() -> client.insertRows("rows", COLUMNS, List.of(good,
                new Object[] {2L, "b", (short) 1, 1.0, List.of()})))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("the row has 5 values for the 6 columns [id, name, small, score, tags, day]");
        assertThatThrownBy(() -> client.insertRows("rows", COLUMNS, List.of(good, good,
                new Object[] {3L, "c", (short) 1, "not a number", List.of(), LocalDate.of(2024, 1, 1)})))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("row 3").hasMessageContaining("column 'score' Nullable(Float64)");
        assertThatThrownBy(() -> client.insertRows("rows", COLUMNS, List.<Object[]>of(
                new Object[] {4L, "d", 300, 1.0, List.of(), LocalDate.of(2024, 1, 1)})))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("row 1").hasMessageContaining("column 'small' UInt8");
        Map<String, Object> extra = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            extra.put(COLUMNS.get(i), good[i]);
        }
        extra.remove("day");
        extra.put("colour", "red");
        assertThatThrownBy(() -> client.insertRows("rows", COLUMNS, List.of(extra)))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("row 1").hasMessageContaining("no value for [day]")
                .hasMessageContaining("not a column of the insert: [colour]");
        assertThat(tsv("SELECT count() FROM rows")).isEqualTo("0\n");

        // the streaming handle rejects the bad row only and stays usable
        try (Insert<Object[]> insert = client.insertRows("rows", COLUMNS)) {
            insert.write(good);
            assertThatThrownBy(() -> insert.write(new Object[] {9L})).isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("row 2");
            insert.write(new Object[] {2L, "b", (short) 2, null, List.of("x"), LocalDate.of(2024, 1, 2)});
            insert.end();
        }
        assertThat(tsv("SELECT id, name, score FROM rows ORDER BY id")).isEqualTo("1\ta\t1\n2\tb\t\\N\n");
    }

    @Test
    void manyRowsAreStreamedFromALazyIterable() {
        create("big");
        int count = 300_000; // ~10 MB of RowBinary: far past the light path, so the body streams
        Iterable<Object[]> rows = () -> new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Object[] next() {
                long id = next++;
                return new Object[] {id, "name-" + id, (short) (id % 256), id / 2.0, List.of("t" + id % 3),
                        LocalDate.of(2024, 1, 1).plusDays(id % 365)};
            }
        };
        client.insertRows("big", COLUMNS, rows);
        assertThat(tsv("SELECT count(), sum(id), sum(small), uniqExact(day) FROM big"))
                .isEqualTo(count + "\t" + (long) count * (count - 1) / 2 + "\t" + 38246416 + "\t365\n");
    }
}
