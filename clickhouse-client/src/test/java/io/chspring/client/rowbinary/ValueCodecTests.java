package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ValueCodecTests {

    enum Color { RED, GREEN }

    private static <T> ValueCodec<T> codec(String type, Class<T> javaType) {
        return RowBinaryCodecs.codec(ClickHouseType.parse(type), javaType);
    }

    private static String hex(ValueCodec<?> codec, Object value) {
        return HexFormat.of().formatHex(RowBinaryOutput.toBytes(o -> codec.write(o, value)));
    }

    private static RowBinaryInput in(String hex) {
        return RowBinaryInput.of(HexFormat.of().parseHex(hex));
    }

    @Test
    void decimalWritesExactlyOrFailsNamingTheValue() {
        ValueCodec<BigDecimal> d = codec("Decimal(9, 2)", BigDecimal.class);
        assertThat(hex(d, new BigDecimal("1.5"))).isEqualTo("96000000");
        assertThat(hex(d, new BigDecimal("1.500"))).isEqualTo("96000000");
        assertThatThrownBy(() -> hex(d, new BigDecimal("1.234"))).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("1.234").hasMessageContaining("more than 2 fraction digits");
        assertThatThrownBy(() -> hex(d, new BigDecimal("10000000"))).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("10000000").hasMessageContaining("Decimal(9, 2)");
        ValueCodec<BigDecimal> wide = codec("Decimal(76, 0)", BigDecimal.class);
        assertThat(wide.read(in(hex(wide, new BigDecimal("-12345678901234567890123456789")))))
                .isEqualTo(new BigDecimal("-12345678901234567890123456789"));
    }

    @Test
    void fixedStringPadsAndRefusesTooLong() {
        ValueCodec<String> s = codec("FixedString(4)", String.class);
        assertThat(hex(s, "ab")).isEqualTo("61620000");
        assertThat(s.read(in("61620000"))).isEqualTo("ab");
        assertThatThrownBy(() -> hex(s, "abcde")).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("abcde").hasMessageContaining("5 bytes are longer than 4");
        assertThatThrownBy(() -> hex(s, "üüü")).hasMessageContaining("6 bytes");
    }

    @Test
    void wrapperTypesReportTheirOwnTypeAndTheInnerJavaType() {
        ValueCodec<Integer> nullable = codec("Nullable(Int32)", Integer.class);
        assertThat(nullable.type()).isEqualTo(ClickHouseType.parse("Nullable(Int32)"));
        assertThat(nullable.javaType()).isEqualTo(Integer.class);
        ValueCodec<String> lowCardinality = codec("LowCardinality(String)", String.class);
        assertThat(lowCardinality.type()).isEqualTo(ClickHouseType.parse("LowCardinality(String)"));
        assertThat(lowCardinality.javaType()).isEqualTo(String.class);
        assertThat(hex(lowCardinality, "ab")).isEqualTo("026162");
    }

    @Test
    void nullIntoANonNullableCodecIsAnError() {
        assertThatThrownBy(() -> hex(codec("Int32", Object.class), null)).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessage("null is not allowed for non-Nullable ClickHouse type Int32");
        assertThat(hex(codec("Nullable(Int32)", Object.class), null)).isEqualTo("01");
        assertThat(hex(codec("Array(Nullable(String))", Object.class), java.util.Arrays.asList("a", null)))
                .isEqualTo("0200016101");
    }

    @Test
    void integersAreRangeChecked() {
        ValueCodec<Short> u8 = codec("UInt8", short.class);
        assertThat(hex(u8, (short) 255)).isEqualTo("ff");
        assertThat(u8.read(in("ff"))).isEqualTo((short) 255);
        assertThatThrownBy(() -> hex(u8, 256)).hasMessageContaining("value 256 does not fit ClickHouse type UInt8");
        assertThatThrownBy(() -> hex(u8, -1)).hasMessageContaining("UInt8");
        ValueCodec<Long> u64 = codec("UInt64", long.class);
        assertThat(hex(u64, -1L)).isEqualTo("ffffffffffffffff");
        assertThat(hex(u64, new BigInteger("18446744073709551615"))).isEqualTo("ffffffffffffffff");
        assertThatThrownBy(() -> hex(u64, BigInteger.ONE.shiftLeft(64))).hasMessageContaining("UInt64");
        assertThatThrownBy(() -> hex(codec("Int128", Object.class), BigInteger.ONE.shiftLeft(127)))
                .hasMessageContaining("Int128");
    }

    @Test
    void buildingRejectsJavaTypesThatCannotHoldTheColumn() {
        assertThatThrownBy(() -> codec("UInt32", int.class)).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessage("cannot map ClickHouse type UInt32 to Java type int; supported: long, BigInteger");
        assertThatThrownBy(() -> codec("Nullable(Int32)", int.class)).hasMessageContaining("Nullable(Int32)")
                .hasMessageContaining("int");
        assertThatThrownBy(() -> codec("String", Instant.class)).hasMessageContaining("String")
                .hasMessageContaining("java.time.Instant");
        assertThatThrownBy(() -> codec("Array(Int64)", int[].class)).hasMessageContaining("Int64")
                .hasMessageContaining("int");
    }

    @Test
    void primitiveFastPaths() {
        ValueCodec<int[]> ints = codec("Array(Int32)", int[].class);
        assertThat(ints.read(in("02" + "01000000" + "feffffff"))).containsExactly(1, -2);
        assertThat(hex(ints, new int[] {1, -2})).isEqualTo("0201000000feffffff");
        ValueCodec<double[]> doubles = codec("Array(Float32)", double[].class);
        assertThat(doubles.read(in("010000c03f"))).containsExactly(1.5);
        ValueCodec<Long> u32 = codec("UInt32", long.class);
        assertThat(u32.readLong(in("ffffffff"))).isEqualTo(4294967295L);
        ValueCodec<Double> f64 = codec("LowCardinality(Float64)", double.class);
        assertThat(f64.readDouble(in("000000000000f83f"))).isEqualTo(1.5);
        ValueCodec<Boolean> bool = codec("Bool", boolean.class);
        assertThat(bool.readBoolean(in("01"))).isTrue();
        ValueCodec<String[]> strings = codec("Array(String)", String[].class);
        assertThat(strings.read(in("0201610162"))).containsExactly("a", "b");
    }

    @Test
    void dateTimeRefusesAFractionAndSaysHowToFitIt() {
        assertThatThrownBy(() -> hex(codec("DateTime", Instant.class), Instant.parse("2026-12-06T20:00:00.123456Z")))
                .hasMessageContaining("2026-12-06T20:00:00.123456Z")
                .hasMessageContaining("value.truncatedTo(ChronoUnit.SECONDS)")
                .hasMessageContaining("DateTime64(6)")
                .hasMessageContaining("CodecOptions.withTruncateFractionalSeconds(true)")
                .hasMessageContaining("clickhouse.mapping.truncate-fractional-seconds=true");
        assertThatThrownBy(() -> hex(codec("DateTime64(3)", Instant.class), Instant.parse("1970-01-01T00:00:00.0015Z")))
                .hasMessageContaining("value.truncatedTo(ChronoUnit.MILLIS)");
    }

    @Test
    void truncationOptInDropsTheDigitsTheColumnCannotKeepTowardsThePast() {
        CodecOptions truncate = CodecOptions.DEFAULT.withTruncateFractionalSeconds(true);
        ValueCodec<Instant> seconds = RowBinaryCodecs.codec(ClickHouseType.parse("DateTime"), Instant.class, truncate);
        assertThat(hex(seconds, Instant.parse("1970-01-01T00:00:01.999999Z"))).isEqualTo("01000000");
        ValueCodec<Instant> ms = RowBinaryCodecs.codec(ClickHouseType.parse("DateTime64(3)"), Instant.class, truncate);
        assertThat(hex(ms, Instant.parse("1970-01-01T00:00:00.0015Z"))).isEqualTo("0100000000000000");
        // -0.0015 s is 0.0015 s before the epoch: towards the past is -0.002 s, two ticks below zero
        assertThat(hex(ms, Instant.parse("1969-12-31T23:59:59.9985Z"))).isEqualTo("feffffffffffffff");
        assertThat(CodecOptions.DEFAULT.truncateFractionalSeconds()).isFalse();
    }

    @Test
    void dateTime64KeepsPrecisionAndRefusesSubPrecisionDigits() {
        ValueCodec<Instant> ms = codec("DateTime64(3)", Instant.class);
        assertThat(hex(ms, Instant.parse("1970-01-01T00:00:00.001Z"))).isEqualTo("0100000000000000");
        assertThatThrownBy(() -> hex(ms, Instant.parse("1970-01-01T00:00:00.0015Z")))
                .hasMessageContaining("more fraction digits than the precision keeps");
        ValueCodec<LocalDateTime> tokyo = RowBinaryCodecs.codec(ClickHouseType.parse("DateTime"), LocalDateTime.class,
                CodecOptions.DEFAULT.withDefaultTimeZone(ZoneId.of("Asia/Tokyo"))
                        .withTimeZoneRule(TimeZoneRule.SERVER));
        assertThat(tokyo.read(in("00000000"))).isEqualTo(LocalDateTime.parse("1970-01-01T09:00"));
        assertThat(hex(tokyo, LocalDateTime.parse("1970-01-01T09:00:01"))).isEqualTo("01000000");
        assertThatThrownBy(() -> hex(codec("DateTime", Instant.class), Instant.parse("1969-12-31T23:59:59Z")))
                .hasMessageContaining("the range is");
    }

    @Test
    void theTimeZoneRuleSaysWhoseWallClockALocalDateTimeIs() {
        // 0x65EDA8F0 = 1710074096 s = 2024-03-10 12:34:56 UTC; Kolkata 18:04:56, New York 08:34:56 (EDT)
        String wire = "f0a8ed65";
        CodecOptions kolkata = CodecOptions.DEFAULT.withDefaultTimeZone(ZoneId.of("Asia/Kolkata"));
        Map<TimeZoneRule, List<String>> expected = Map.of(
                TimeZoneRule.UTC, List.of("2024-03-10T12:34:56", "2024-03-10T12:34:56"),
                TimeZoneRule.SERVER, List.of("2024-03-10T18:04:56", "2024-03-10T18:04:56"),
                TimeZoneRule.COLUMN, List.of("2024-03-10T18:04:56", "2024-03-10T08:34:56"));
        expected.forEach((rule, walls) -> {
            CodecOptions options = kolkata.withTimeZoneRule(rule);
            ValueCodec<LocalDateTime> plain = RowBinaryCodecs.codec(ClickHouseType.parse("DateTime"),
                    LocalDateTime.class, options);
            ValueCodec<LocalDateTime> ny = RowBinaryCodecs.codec(ClickHouseType.parse("DateTime('America/New_York')"),
                    LocalDateTime.class, options);
            assertThat(plain.read(in(wire))).as(rule.name()).hasToString(walls.get(0));
            assertThat(ny.read(in(wire))).as(rule.name()).hasToString(walls.get(1));
            assertThat(hex(plain, LocalDateTime.parse(walls.get(0)))).as(rule.name()).isEqualTo(wire);
            assertThat(hex(ny, LocalDateTime.parse(walls.get(1)))).as(rule.name()).isEqualTo(wire);
            // zoned values carry the column's zone, else the default one, whatever the rule
            assertThat(RowBinaryCodecs.codec(ClickHouseType.parse("DateTime"), ZonedDateTime.class, options)
                    .read(in(wire))).hasToString("2024-03-10T18:04:56+05:30[Asia/Kolkata]");
            assertThat(RowBinaryCodecs.codec(ClickHouseType.parse("DateTime('America/New_York')"),
                    OffsetDateTime.class, options).read(in(wire))).hasToString("2024-03-10T08:34:56-04:00");
        });
        // without a client: UTC for both
        assertThat(codec("DateTime", ZonedDateTime.class).read(in(wire))).hasToString("2024-03-10T12:34:56Z");
        assertThatThrownBy(() -> codec("DateTime('Mars/Olympus')", LocalDateTime.class))
                .hasMessageContaining("Mars/Olympus").hasMessageContaining("unknown to this JVM");
    }

    @Test
    void timeAsDurationOrLocalTime() {
        assertThat(codec("Time", LocalTime.class).read(in("f0b00000"))).isEqualTo(LocalTime.of(12, 34, 56));
        assertThatThrownBy(() -> codec("Time", LocalTime.class).read(in("4057ffff")))
                .hasMessageContaining("not a time of day");
        assertThat(hex(codec("Time64(3)", Duration.class), Duration.parse("-PT1H2M3.456S")))
                .isEqualTo("402fc7ffffffffff");
    }

    @Test
    void enumsMapToNamesOrJavaEnums() {
        ValueCodec<Color> c = codec("Enum8('RED' = 1, 'GREEN' = 2, 'BLUE' = 3)", Color.class);
        assertThat(c.read(in("02"))).isEqualTo(Color.GREEN);
        assertThat(hex(c, Color.RED)).isEqualTo("01");
        assertThatThrownBy(() -> c.read(in("03"))).hasMessageContaining("BLUE");
        assertThatThrownBy(() -> c.read(in("07"))).hasMessageContaining("unknown value 7");
        ValueCodec<String> s = codec("Enum16('a' = -300)", String.class);
        assertThat(hex(s, "a")).isEqualTo("d4fe");
        assertThatThrownBy(() -> hex(s, "b")).hasMessageContaining("no such element");
    }

    @Test
    void ipv6AcceptsIpv4Mapped() throws Exception {
        assertThat(hex(codec("IPv6", InetAddress.class), InetAddress.getByName("1.2.3.4")))
                .isEqualTo("00000000000000000000ffff01020304");
        assertThat(hex(codec("IPv4", Object.class), InetAddress.getByName("1.2.3.4"))).isEqualTo("04030201");
    }

    @Test
    void variantPicksTheMatchingAlternativeOrAsksForATypedValue() {
        ValueCodec<Object> v = codec("Variant(String, UInt64)", Object.class);
        assertThat(hex(v, "a")).isEqualTo("000161");
        assertThat(hex(v, BigInteger.TWO)).isEqualTo("010200000000000000");
        assertThat(hex(v, TypedValue.of("UInt64", 2L))).isEqualTo("010200000000000000");
        ValueCodec<Object> ambiguous = codec("Variant(UInt8, Int16)", Object.class);
        assertThatThrownBy(() -> hex(ambiguous, (short) 1)).hasMessageContaining("TypedValue");
        assertThat(codec("Variant(String, UInt64)", TypedValue.class).read(in("000161")))
                .isEqualTo(TypedValue.of("String", "a"));
    }

    @Test
    void dynamicInfersOrTakesTheGivenType() {
        ValueCodec<TypedValue> d = codec("Dynamic", TypedValue.class);
        assertThat(hex(d, "abc")).isEqualTo("1503616263");
        assertThat(hex(d, (byte) -1)).isEqualTo("07ff");
        assertThat(hex(d, null)).isEqualTo("00");
        assertThat(hex(d, TypedValue.of("UInt8", (short) 1))).isEqualTo("0101");
        assertThatThrownBy(() -> hex(d, new Object())).hasMessageContaining("TypedValue");
    }

    @Test
    void jsonAsMapStringOrJackson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", Map.of("b", 1L));
        doc.put("s", "x");
        ValueCodec<Object> map = codec("JSON", Object.class);
        String bytes = hex(map, doc);
        assertThat(bytes).isEqualTo("02" + "03612e62" + "0a0100000000000000" + "0173" + "150178");
        assertThat(map.read(in(bytes))).isEqualTo(doc);
        assertThat(codec("JSON", String.class).read(in(bytes))).isEqualTo("{\"a\":{\"b\":1},\"s\":\"x\"}");
        assertThat(hex(codec("JSON", String.class), "{\"a\":{\"b\":1},\"s\":\"x\"}")).isEqualTo(bytes);
        JsonNode node = codec("JSON", JsonNode.class).read(in(bytes));
        assertThat(node.get("a").get("b").asLong()).isEqualTo(1L);
        assertThat(hex(codec("JSON", JsonNode.class), node)).isEqualTo(bytes);
        ValueCodec<String> text = RowBinaryCodecs.codec(ClickHouseType.parse("JSON"), String.class,
                CodecOptions.DEFAULT.withJsonAsString(true));
        assertThat(hex(text, "{}")).isEqualTo("027b7d");
    }

    @Test
    void rowsNameTheColumnAtFault() {
        List<ClickHouseColumn> columns = List.of(ClickHouseColumn.of("id", "UInt8"), ClickHouseColumn.of("name", "String"));
        RowWriter writer = new RowWriter(columns, CodecOptions.DEFAULT);
        assertThatThrownBy(() -> RowBinaryOutput.toBytes(o -> writer.write(o, new Object[] {1, null})))
                .hasMessage("column 'name': null is not allowed for non-Nullable ClickHouse type String");
        byte[] bytes = RowBinaryOutput.toBytes(o -> writer.write(o, new Object[] {1, "x"}));
        RowReader reader = new RowReader(columns);
        RowBinaryInput in = RowBinaryInput.of(bytes);
        assertThat(reader.next(in)).containsExactly((short) 1, "x");
        assertThat(reader.next(in)).isNull();
    }
}
