package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.insert.Insert;
import io.chspring.client.mapping.Column;
import io.chspring.client.mapping.ReadOnly;
import io.chspring.client.query.RowCursor;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Typed reads and inserts end to end, on the HTTP server (18.16: reads as RowBinary after {@code DESCRIBE (query)})
 * and on the embedded 26.5 engine (reads as RowBinaryWithNamesAndTypes, whose header is validated): one column per
 * type 18.16 supports on both, the modern types in {@link ModernTypesIntegrationTests}.
 */
@ClickHouseEngines
class TypedApiIntegrationTests {

    enum Color { red, green }

    record AllTypes(byte i8, short i16, int i32, long i64, short u8, int u16, long u32, long u64, float f32,
            double f64, BigDecimal d32, BigDecimal d64, BigDecimal d128, String s, String fs, Color e8, Color e16,
            UUID uuid, LocalDate day, Instant dt, @Column("dt_tokyo") Instant dtTokyo, List<String> arr,
            List<Object> tup, Integer n, String lc, @ReadOnly long doubled) {
    }

    private static final String COLUMNS = "i8 Int8, i16 Int16, i32 Int32, i64 Int64, u8 UInt8, u16 UInt16, "
            + "u32 UInt32, u64 UInt64, f32 Float32, f64 Float64, d32 Decimal32(2), d64 Decimal64(6), "
            + "d128 Decimal128(10), s String, fs FixedString(3), e8 Enum8('red' = 1, 'green' = 2), "
            + "e16 Enum16('red' = -1000, 'green' = 1000), uuid UUID, day Date, dt DateTime, "
            + "dt_tokyo DateTime('Asia/Tokyo'), arr Array(String), tup Tuple(UInt8, String), n Nullable(Int32), "
            + "lc LowCardinality(String), doubled Int64 MATERIALIZED i64 * 2";

    private static final AllTypes MIN = new AllTypes(Byte.MIN_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE,
            Long.MIN_VALUE + 1, (short) 0, 0, 0L, 0L, -1.5f, -1e300, new BigDecimal("-9999999.99"),
            new BigDecimal("-123456789012.123456"), new BigDecimal("-1234567890123456789012345678.0123456789"),
            "", "abc", Color.red, Color.red, new UUID(0, 0), LocalDate.of(1970, 1, 2),
            Instant.parse("1970-01-01T00:00:01Z"), Instant.parse("2024-02-29T12:34:56Z"), List.of(),
            List.of((short) 0, ""), null, "", (Long.MIN_VALUE + 1) * 2);

    private static final AllTypes MAX = new AllTypes(Byte.MAX_VALUE, Short.MAX_VALUE, Integer.MAX_VALUE, 21L, (short) 255,
            65535, 4294967295L, -1L, 3.25f, Math.PI, new BigDecimal("9999999.99"), new BigDecimal("0.000001"),
            new BigDecimal("1.0000000001"), "привет\t\n\\'\"", "xyz", Color.green, Color.green,
            UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"), LocalDate.of(2024, 2, 29),
            Instant.parse("2038-01-19T03:14:07Z"), Instant.parse("2000-01-01T00:00:00Z"), List.of("a", "", "ü"),
            List.of((short) 255, "t"), 42, "low", 42L);

    private static ClickHouseClient root;
    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        root = ClickHouseClient.fromUrl(engine.url());
        // 18.16 has LowCardinality behind this flag; modern engines have it on (and keep the flag only as obsolete)
        client = engine.isHttp() ? root.withSetting("allow_experimental_low_cardinality_type", 1) : root;
        client.execute("CREATE TABLE all_types (" + COLUMNS + ") ENGINE = MergeTree ORDER BY i8");
        client.execute("CREATE TABLE events (id UInt64, name String, at DateTime DEFAULT now()) ENGINE = Memory");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (root != null) {
            root.close();
            root = null;
        }
    }

    @Test
    void everyTypeRoundTripsThroughInsertAndQuery() {
        try (Insert<AllTypes> insert = client.insert("all_types", AllTypes.class)) {
            assertThat(insert.columns()).doesNotContain("doubled").hasSize(25);
            insert.write(MIN);
            insert.write(MAX);
            insert.end();
        }
        List<AllTypes> all = client.query("SELECT ?fields FROM all_types ORDER BY i8").fetchAll(AllTypes.class);
        assertThat(all).containsExactly(MIN, MAX);

        assertThat(client.query("SELECT count() FROM all_types").fetchOne(Long.class)).isEqualTo(2L);
        assertThat(client.query("SELECT toString(u64) FROM all_types WHERE i8 = ?").bind(127).fetchOne(String.class))
                .isEqualTo("18446744073709551615");
        assertThat(client.query("SELECT s FROM all_types WHERE i8 = 0").fetchOptional(String.class)).isEmpty();
        assertThatThrownBy(() -> client.query("SELECT s FROM all_types").fetchOptional(String.class))
                .isInstanceOf(ClickHouseException.class).hasMessageContaining("more than one row");

        List<Map<String, Object>> maps = client.query("SELECT i32, n, arr FROM all_types ORDER BY i8").fetchMaps();
        assertThat(maps.get(1)).containsExactly(Map.entry("i32", Integer.MAX_VALUE), Map.entry("n", 42),
                Map.entry("arr", List.of("a", "", "ü")));
        try (RowCursor<Object[]> cursor = client.query("SELECT e8, day FROM all_types ORDER BY i8").fetch(Object[].class)) {
            assertThat(cursor.stream().map(r -> r[0] + " " + r[1]).toList())
                    .containsExactly("red 1970-01-02", "green 2024-02-29");
        }
    }

    record Event(long id, String name) {
    }

    @Test
    void cursorStreamsAndColumnsAreMatchedByName() {
        client.execute("TRUNCATE TABLE events");
        try (Insert<Event> insert = client.insert("events", Event.class)) {
            for (int i = 0; i < 1000; i++) {
                insert.write(new Event(i, "e" + i));
            }
            insert.end();
        }
        try (RowCursor<Event> cursor = client.query("SELECT name, id FROM events WHERE id >= ? ORDER BY id")
                .bind(990).fetch(Event.class)) {
            assertThat(cursor.stream().map(Event::name).toList()).hasSize(10).startsWith("e990").endsWith("e999");
        }
    }

    @Test
    void insertClosedWithoutEndStoresNothing() {
        client.execute("CREATE TABLE aborted (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        try (Insert<Event> insert = client.insert("aborted", Event.class)) {
            for (int i = 0; i < 200_000; i++) {
                insert.write(new Event(i, "row " + i));
            }
        }
        assertThat(client.query("SELECT count() FROM aborted").fetchOne(Long.class)).isZero();
    }

    record Wrong(int id, String title, @Column("at") String when) {
    }

    @Test
    void validationNamesEveryColumnAgainstTheRealTable() {
        assertThatThrownBy(() -> client.insert("events", Wrong.class))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("column 'id' UInt64 <-> field 'id' int")
                .hasMessageContaining("field 'title' (column 'title') has no column in the table")
                .hasMessageContaining("column 'at' DateTime <-> field 'when' java.lang.String")
                .hasMessageContaining("table column 'name' String has no field in Wrong and no default");
        assertThatThrownBy(() -> client.query("SELECT ?fields FROM events").fetchAll(Wrong.class))
                .isInstanceOf(ClickHouseException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> client.query("SELECT id, name FROM events").fetchAll(Wrong.class))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("column 'name' String has no field in Wrong");
    }

    @Test
    void nullIntoNonNullableColumnIsRejectedPerRowAndTheInsertGoesOn() {
        client.execute("CREATE TABLE named (id UInt64, name String) ENGINE = Memory");
        try (Insert<Event> insert = client.insert("named", Event.class)) {
            insert.write(new Event(1, "one"));
            assertThatThrownBy(() -> insert.write(new Event(2, null))).isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("column 'name' (field 'name' of Event)");
            insert.write(new Event(3, "three"));
            insert.end();
        }
        assertThat(client.query("SELECT id FROM named ORDER BY id").fetchAll(Long.class)).containsExactly(1L, 3L);
        assertThat(client.describeTable("named")).extracting(c -> c.name()).containsExactly("id", "name");
    }
}
