package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.insert.Insert;
import io.chspring.client.rowbinary.TypedValue;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * What only a modern engine has, end to end on the embedded ClickHouse 26.5 (18.16 has none of it, see
 * {@code shared/clickhouse/README.md}): every modern type through {@code insert(table, Class)} and {@code fetchAll},
 * the RowBinaryWithNamesAndTypes header checked against the row class, and server-side {@code {name:Type}}
 * parameters. {@link TypedApiIntegrationTests} covers the types both engines have.
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class ModernTypesIntegrationTests {

    record Modern(long id, BigInteger i128, BigInteger i256, BigInteger u128, BigInteger u256, float bf16,
            BigDecimal d256, boolean flag, LocalDate day32, Instant ms, Instant us, Instant ns, Inet4Address ip4,
            Inet6Address ip6, Map<String, Long> attrs, Map<String, Object> doc, Object choice, TypedValue dyn,
            LocalTime t64) {
    }

    private static final String COLUMNS = "id UInt64, i128 Int128, i256 Int256, u128 UInt128, u256 UInt256, "
            + "bf16 BFloat16, d256 Decimal256(30), flag Bool, day32 Date32, ms DateTime64(3, 'UTC'), "
            + "us DateTime64(6, 'Europe/Berlin'), ns DateTime64(9, 'Asia/Tokyo'), ip4 IPv4, ip6 IPv6, "
            + "attrs Map(String, UInt64), doc JSON, choice Variant(String, Int64), dyn Dynamic, t64 Time64(6)";

    private static ClickHouseClient client;

    /** Declares the class's one parameter, which the lifecycle methods below receive. */
    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        // Time64 is experimental in 26.5; a query setting in CREATE's SETTINGS clause applies to that statement
        client.execute("CREATE TABLE modern (" + COLUMNS + ") ENGINE = MergeTree ORDER BY id "
                + "SETTINGS allow_experimental_time_time64_type = 1");
        client.execute("CREATE TABLE people (id UInt64, name String, born Date32) ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO people VALUES (1, 'ada', '1915-12-10'), (2, 'alan', '1912-06-23')");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static final BigInteger TWO = BigInteger.TWO;

    private static Modern min() throws UnknownHostException {
        return new Modern(1, TWO.pow(127).negate(), TWO.pow(255).negate(), BigInteger.ZERO, BigInteger.ZERO, -2.5f,
                new BigDecimal("-1234567890123456789012345678901234567890.123456789012345678901234567890"), false,
                LocalDate.of(1900, 1, 1), Instant.parse("1900-01-01T00:00:00.001Z"),
                Instant.parse("1970-01-01T00:00:00.000001Z"), Instant.parse("1900-01-01T00:00:00.000000001Z"),
                (Inet4Address) InetAddress.getByName("0.0.0.0"), (Inet6Address) InetAddress.getByName("::"),
                Map.of(), Map.of(), "text", TypedValue.of("Int64", -5L), LocalTime.MIDNIGHT);
    }

    private static Modern max() throws UnknownHostException {
        Map<String, Long> attrs = new LinkedHashMap<>();
        attrs.put("a", 1L);
        attrs.put("b", -1L >>> 1);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "ü ☃");
        doc.put("n", 42L);
        return new Modern(2, TWO.pow(127).subtract(BigInteger.ONE), TWO.pow(255).subtract(BigInteger.ONE),
                TWO.pow(128).subtract(BigInteger.ONE), TWO.pow(256).subtract(BigInteger.ONE), 3.140625f,
                new BigDecimal("9999999999999999999999999999999999999999999999.999999999999999999999999999999"), true,
                LocalDate.of(2299, 12, 31), Instant.parse("2262-04-11T23:47:16.854Z"),
                Instant.parse("2024-02-29T12:34:56.123456Z"), Instant.parse("2262-04-11T23:47:16.854775807Z"),
                (Inet4Address) InetAddress.getByName("255.255.255.255"),
                (Inet6Address) InetAddress.getByName("2001:db8::ff00:42:8329"), attrs, doc, 42L,
                TypedValue.of("Array(String)", List.of("x", "")), LocalTime.parse("23:59:59.999999"));
    }

    @Test
    void everyModernTypeRoundTripsThroughInsertAndFetchAll() throws UnknownHostException {
        Modern min = min();
        Modern max = max();
        try (Insert<Modern> insert = client.insert("modern", Modern.class)) {
            insert.write(min);
            insert.write(max);
            insert.end();
        }
        List<Modern> read = client.query("SELECT ?fields FROM modern ORDER BY id").fetchAll(Modern.class);
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).usingRecursiveComparison().isEqualTo(min);
        assertThat(read.get(1)).usingRecursiveComparison().isEqualTo(max);
        // the engine agrees with what it stored, seen as text
        assertThat(client.query("SELECT toString(u256), toString(d256), toString(ns), toString(ip6), toString(t64) "
                + "FROM modern WHERE id = 2").fetchString("TabSeparated")).isEqualTo(
                "115792089237316195423570985008687907853269984665640564039457584007913129639935\t"
                + "9999999999999999999999999999999999999999999999.999999999999999999999999999999\t"
                + "2262-04-12 08:47:16.854775807\t2001:db8::ff00:42:8329\t23:59:59.999999\n");
    }

    record Person(long id, String name, LocalDate born) {
    }

    /** {@code id} is UInt64 in the table: an int cannot hold every value. */
    record NarrowId(int id, String name, LocalDate born) {
    }

    /** {@code born} is Date32 in the table. */
    record BornAsDouble(long id, String name, double born) {
    }

    @Test
    void theRowBinaryWithNamesAndTypesHeaderIsCheckedAgainstTheRecord() {
        assertThat(client.query("SELECT ?fields FROM people ORDER BY id").fetchAll(Person.class)).containsExactly(
                new Person(1, "ada", LocalDate.of(1915, 12, 10)), new Person(2, "alan", LocalDate.of(1912, 6, 23)));
        assertThatThrownBy(() -> client.query("SELECT ?fields FROM people").fetchAll(NarrowId.class))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("column 'id' UInt64");
        assertThatThrownBy(() -> client.query("SELECT ?fields FROM people").fetchAll(BornAsDouble.class))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("column 'born' Date32");
        // the header names the columns the query returns, whatever the SQL around them
        assertThatThrownBy(() -> client.query("SELECT id, name, toString(born) AS born FROM people").fetchAll(Person.class))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("column 'born' String");
        assertThatThrownBy(() -> client.query("SELECT id, name FROM people").fetchAll(Person.class))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("born");
    }

    @Test
    void serverSideParametersAreTypedByTheEngine() {
        assertThat(client.query("SELECT name FROM people WHERE id = {id:UInt64} AND born < {before:Date32}")
                .param("id", 2).param("before", LocalDate.of(2000, 1, 1)).fetchAll(String.class))
                .containsExactly("alan");
        // (TabSeparated output escapes the quote too)
        assertThat(client.query("SELECT {s:String}, {xs:Array(UInt8)}, {m:Map(String, Int32)}")
                .param("s", "it's a\ttab\\").param("xs", List.of(1, 2)).param("m", Map.of("k", -1))
                .fetchString("TabSeparated")).isEqualTo("it\\'s a\\ttab\\\\\t[1,2]\t{'k':-1}\n");
        // a value the type cannot hold: refused before the query runs (chDB would wrap it silently)
        assertThatThrownBy(() -> client.query("SELECT {v:UInt8}").param("v", 300).fetchString("TabSeparated"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("v");
        assertThatThrownBy(() -> client.query("SELECT {v:UInt8}").fetchString("TabSeparated"))
                .isInstanceOf(ClickHouseServerException.class).hasMessageContaining("v");
    }
}
