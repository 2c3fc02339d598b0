package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.insert.Insert;
import io.chspring.client.query.MapRows;
import io.chspring.client.query.PreparedQuery;
import io.chspring.client.rowbinary.ReadFormat;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Read formats on both engines (18.16 over HTTP, the embedded 26.5) for the types 18.16 has: UUID, FixedString, Enum,
 * Date, UInt64, inside Nullable and Array too; per query, per column, per client; typed rows with String and int
 * fields for those columns. Rows are written with SQL literals, expected values worked out by hand.
 */
@ClickHouseEngines
class ReadFormatsIntegrationTests {

    private static final String U = "61f0c404-5cb3-11e7-907b-a6006ad3dba0";
    private static final String ONE = "00000000-0000-0000-0000-000000000001";

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE f (id UInt8, u UUID, fs FixedString(4), e Enum8('a' = 1, 'b' = -2), "
                + "e16 Enum16('x' = 1000), d Date, big UInt64, n Nullable(UUID), arr Array(UUID)) "
                + "ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO f VALUES (1, '" + U + "', 'abc', 'b', 'x', '2024-02-29', 18446744073709551615, "
                + "NULL, ['" + ONE + "'])");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static final String ALL = "SELECT u, fs, e, e16, d, big, n, arr FROM f";

    @Test
    void defaultsAreTheJavaTypesOfTypesMd() {
        Map<String, Object> row = client.query(ALL).fetchMaps().get(0);
        assertThat(row.get("u")).isEqualTo(UUID.fromString(U));
        assertThat(row.get("fs")).isEqualTo(new byte[] {'a', 'b', 'c', 0});
        assertThat(row.get("e")).isEqualTo("b");
        assertThat(row.get("d")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get("big")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(row.get("arr")).isEqualTo(List.of(UUID.fromString(ONE)));
    }

    @Test
    void typeFormatsApplyEverywhereTheTypeIsEvenInsideArraysAndNullable() {
        MapRows rows = client.query(ALL)
                .readFormat("UUID", ReadFormat.STRING)
                .readFormat("FixedString", ReadFormat.STRING)
                .readFormat("Enum", ReadFormat.NUMBER)
                .readFormat("Date", ReadFormat.STRING)
                .readFormat("UInt64", ReadFormat.LONG)
                .fetchMaps();
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("u")).isEqualTo(U);
        assertThat(row.get("fs")).isEqualTo("abc");
        assertThat(row.get("e")).isEqualTo(-2);
        assertThat(row.get("e16")).isEqualTo(1000);
        assertThat(row.get("d")).isEqualTo("2024-02-29");
        assertThat(row.get("big")).isEqualTo(-1L);
        assertThat(row.get("n")).isNull();
        assertThat(row.get("arr")).isEqualTo(List.of(ONE));
        // the columns keep their ClickHouse types
        assertThat(rows.columns().get(0).type().toString()).isEqualTo("UUID");

        Object[] numbers = client.query("SELECT d, fs FROM f").readFormat("Date", "number")
                .readFormat("FixedString(4)", "bytes").fetchOne(Object[].class);
        assertThat(numbers[0]).isEqualTo(19782); // days from 1970-01-01 to 2024-02-29
        assertThat(numbers[1]).isEqualTo(new byte[] {'a', 'b', 'c', 0});
    }

    @Test
    void aColumnFormatWinsOverTheTypesAndScalarsFollowThemToo() {
        Map<String, Object> row = client.query("SELECT u, u AS u2, toNullable(u) AS nu FROM f")
                .readFormat("UUID", ReadFormat.STRING).columnFormat("u2", ReadFormat.DEFAULT)
                .fetchMaps().get(0);
        assertThat(row.get("u")).isEqualTo(U);
        assertThat(row.get("u2")).isEqualTo(UUID.fromString(U));
        assertThat(row.get("nu")).isEqualTo(U);

        assertThat(client.query("SELECT e FROM f").columnFormat("e", ReadFormat.NUMBER).fetchOne(Object.class))
                .isEqualTo(-2);
        assertThat(client.query("SELECT arr FROM f").columnFormat("arr", ReadFormat.STRING).fetchOne(Object.class))
                .isEqualTo(List.of(ONE));
    }

    @Test
    void clientDefaultsApplyAndAQueryOverridesThem() {
        ClickHouseClient strings = client.withReadFormats(ReadFormats.NONE.withType("UUID", ReadFormat.STRING)
                .withType("Enum8", ReadFormat.NUMBER));
        Map<String, Object> row = strings.query("SELECT u, e FROM f").fetchMaps().get(0);
        assertThat(row).containsEntry("u", U).containsEntry("e", -2);
        assertThat(strings.query("SELECT u, e FROM f").readFormat("Enum8", ReadFormat.DEFAULT).fetchMaps().get(0))
                .containsEntry("u", U).containsEntry("e", "b");
        // prepared queries take the client's formats too, and their own
        PreparedQuery<Object[]> prepared = strings.prepare("SELECT u, d FROM f WHERE id = :id", Object[].class)
                .withReadFormats(ReadFormats.NONE.withColumn("d", ReadFormat.STRING));
        assertThat(prepared.bind("id", 1).fetchOne()).containsExactly(U, "2024-02-29");
        // the client it came from is unchanged
        assertThat(client.query("SELECT u FROM f").fetchOne(Object.class)).isEqualTo(UUID.fromString(U));
    }

    record Typed(String u, String fs, int e, String d, long big, String n) {
    }

    @Test
    void typedFieldsChooseTheirFormStringForUuidIntForEnumAndDate() {
        Typed row = client.query("SELECT u, fs, e, d, big, n FROM f").fetchOne(Typed.class);
        assertThat(row).isEqualTo(new Typed(U, "abc", -2, "2024-02-29", -1L, null));
    }

    record Written(String u, int e, String d) {
    }

    @Test
    void theSameFormsInsert() {
        client.execute("CREATE TABLE w (u UUID, e Enum8('a' = 1, 'b' = -2), d Date) ENGINE = MergeTree ORDER BY d");
        try (Insert<Written> insert = client.insert("w", Written.class)) {
            insert.write(new Written(ONE, 1, "2000-01-02"));
            insert.end();
        }
        assertThat(engine.query("SELECT toString(u), toString(e), toString(d) FROM w"))
                .isEqualTo(ONE + "\ta\t2000-01-02\n");
        try (Insert<Written> insert = client.insert("w", Written.class)) {
            assertThatThrownBy(() -> insert.write(new Written("1-2-3-4-5", 1, "2000-01-02")))
                    .hasMessageContaining("1-2-3-4-5").hasMessageContaining("UUID");
            assertThatThrownBy(() -> insert.write(new Written(ONE, 3, "2000-01-02")))
                    .hasMessageContaining("no element has this number");
        }
    }

    @Test
    void mistakesNameTheFormatTheTypeOrTheColumn() {
        assertThatThrownBy(() -> ReadFormat.of("strnig")).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("'strnig'").hasMessageContaining("string");
        assertThatThrownBy(() -> client.query(ALL).readFormat("UUUID", ReadFormat.STRING))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'UUUID'");
        assertThatThrownBy(() -> client.query(ALL).readFormat("UUID", ReadFormat.NUMBER))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessage("Read format number does not apply to ClickHouse type UUID; it takes [default, string]");
        assertThatThrownBy(() -> client.query("SELECT u, e FROM f").columnFormat("ee", ReadFormat.NUMBER).fetchMaps())
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessage("A read format is set for column 'ee', which the result does not have; its columns are "
                        + "[u, e]");
        assertThatThrownBy(() -> client.query("SELECT big FROM f").columnFormat("big", ReadFormat.STRING).fetchMaps())
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("column 'big' UInt64").hasMessageContaining("[default, long, big_integer]");
        // the connection of a refused read went back to the pool: the next query runs
        assertThat(client.query("SELECT count() FROM f").fetchOne(Long.class)).isEqualTo(1L);
    }
}
