package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseType;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Read formats and the Java forms behind them, at the byte level. Wire bytes are written out by hand from the RowBinary
 * layouts (UUID: the example of ClickHouse's documentation; IPv4 and Date: little-endian integers).
 */
class ReadFormatsTests {

    private static final String U = "61f0c404-5cb3-11e7-907b-a6006ad3dba0";
    private static final String U_WIRE = "e711b35c04c4f061a0dbd36a00a67b90";

    private static RowBinaryInput in(String hex) {
        return RowBinaryInput.of(HexFormat.of().parseHex(hex));
    }

    private static String hex(ValueCodec<?> codec, Object value) {
        return HexFormat.of().formatHex(RowBinaryOutput.toBytes(o -> codec.write(o, value)));
    }

    private static ValueCodec<?> untyped(String type, ReadFormats formats) {
        return RowBinaryCodecs.codec(ClickHouseType.parse(type), Object.class, CodecOptions.DEFAULT, formats);
    }

    @Test
    void formatNamesIgnoreCaseAndDashesAndUnknownOnesAreNamed() {
        assertThat(ReadFormat.of("string")).isEqualTo(ReadFormat.STRING);
        assertThat(ReadFormat.of(" Big-Integer ")).isEqualTo(ReadFormat.BIG_INTEGER);
        assertThat(ReadFormat.of("local date time")).isEqualTo(ReadFormat.LOCAL_DATE_TIME);
        assertThatThrownBy(() -> ReadFormat.of("int")).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageStartingWith("Unknown read format 'int'; the read formats are [default, string, bytes, "
                        + "number, long, big_integer, instant");
    }

    @Test
    void typeNamesAreFamiliesOrWholeTypesAndAFormatMustFitTheType() {
        ReadFormats formats = ReadFormats.NONE.withType("ipv4", ReadFormat.STRING).withType("enum", "number")
                .withType("FixedString(16)", ReadFormat.STRING).withType("Nullable(UUID)", ReadFormat.STRING);
        assertThat(formats.byType()).containsOnlyKeys("IPv4", "Enum", "FixedString(16)", "Nullable(UUID)");
        assertThatThrownBy(() -> ReadFormats.NONE.withType("IP4", ReadFormat.STRING))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageStartingWith("Unknown ClickHouse type "
                        + "'IP4' for a read format");
        assertThatThrownBy(() -> ReadFormats.NONE.withType("Array(UUID", ReadFormat.DEFAULT))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'Array(UUID'");
        assertThatThrownBy(() -> ReadFormats.NONE.withType("Enum", ReadFormat.LONG))
                .hasMessage("Read format long does not apply to ClickHouse type Enum; it takes [default, string, number]");
        assertThatThrownBy(() -> ReadFormats.NONE.withType("DateTime", ReadFormat.STRING))
                .hasMessage("Read format string does not apply to ClickHouse type DateTime; it takes [default, instant, "
                        + "local_date_time, offset_date_time, zoned_date_time]");
    }

    @Test
    void aWholeTypeWinsOverItsFamilyAndTheFormatReachesIntoContainers() {
        ReadFormats formats = ReadFormats.NONE.withType("FixedString", ReadFormat.STRING)
                .withType("FixedString(2)", ReadFormat.BYTES).withType("UUID", ReadFormat.STRING);
        assertThat(untyped("FixedString(3)", formats).read(in("616200"))).isEqualTo("ab");
        assertThat(untyped("FixedString(2)", formats).read(in("6162"))).isEqualTo(new byte[] {'a', 'b'});
        // Map(String, Array(Nullable(UUID))): one entry "k" -> [NULL, U]
        assertThat(untyped("Map(String, Array(Nullable(UUID)))", formats).read(in("01016b" + "02" + "01" + "00"
                + U_WIRE))).isEqualTo(Map.of("k", java.util.Arrays.asList(null, U)));
        assertThat(untyped("Tuple(UUID, UInt8)", formats).read(in(U_WIRE + "07"))).isEqualTo(List.of(U, (short) 7));
        assertThat(untyped("UUID", ReadFormats.NONE).read(in(U_WIRE))).isEqualTo(UUID.fromString(U));
    }

    @Test
    void aColumnFormatAppliesThroughNullableAndArrayAndMustFit() {
        ReadFormats formats = ReadFormats.NONE.withType("UUID", ReadFormat.STRING).withColumn("ids", ReadFormat.DEFAULT)
                .withColumn("day", ReadFormat.NUMBER);
        ClickHouseColumn ids = ClickHouseColumn.of("ids", "Array(UUID)");
        ClickHouseColumn day = ClickHouseColumn.of("day", "Nullable(Date)");
        assertThat(RowBinaryCodecs.codec(ids, Object.class, CodecOptions.DEFAULT, formats).read(in("01" + U_WIRE)))
                .isEqualTo(List.of(UUID.fromString(U)));
        // 2024-02-29 is day 19782 = 0x4d46
        assertThat(RowBinaryCodecs.codec(day, Object.class, CodecOptions.DEFAULT, formats).read(in("00464d")))
                .isEqualTo(19782);
        ClickHouseColumn big = ClickHouseColumn.of("day", "Array(UInt64)");
        assertThatThrownBy(() -> RowBinaryCodecs.codec(big, Object.class, CodecOptions.DEFAULT, formats))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessage("Read format number does not apply to column 'day' Array(UInt64); for UInt64 it takes "
                        + "[default, long, big_integer]");
        assertThatThrownBy(() -> formats.checkColumns(List.of(ids))).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessage("A read format is set for column 'day', which the result does not have; its columns are "
                        + "[ids]");
    }

    @Test
    void rowReaderUsesColumnAndTypeFormats() {
        RowReader reader = new RowReader(List.of(ClickHouseColumn.of("u", "UUID"), ClickHouseColumn.of("n", "UInt64")),
                CodecOptions.DEFAULT, ReadFormats.NONE.withType("UUID", ReadFormat.STRING).withColumn("n",
                        ReadFormat.LONG));
        assertThat(reader.next(in(U_WIRE + "ffffffffffffffff"))).containsExactly(U, -1L);
    }

    @Test
    void uuidAsTextBothWaysAndOnlyInItsFullForm() {
        ValueCodec<String> codec = RowBinaryCodecs.codec(ClickHouseType.parse("UUID"), String.class);
        assertThat(codec.read(in(U_WIRE))).isEqualTo(U);
        assertThat(hex(codec, U.toUpperCase())).isEqualTo(U_WIRE);
        assertThat(hex(codec, UUID.fromString(U))).isEqualTo(U_WIRE);
        assertThatThrownBy(() -> hex(codec, "1-2-3-4-5")).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("1-2-3-4-5").hasMessageContaining("UUID");
    }

    @Test
    void ipv4AsTextAndNumberWithoutNameLookups() {
        ValueCodec<String> text = RowBinaryCodecs.codec(ClickHouseType.parse("IPv4"), String.class);
        assertThat(text.read(in("04030201"))).isEqualTo("1.2.3.4");
        assertThat(hex(text, "1.2.3.4")).isEqualTo("04030201");
        assertThat(hex(text, "255.255.255.255")).isEqualTo("ffffffff");
        for (String bad : List.of("1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "localhost", "1.2.3.4 ", "")) {
            assertThatThrownBy(() -> hex(text, bad)).as(bad).isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("IPv4");
        }
        ValueCodec<Long> number = RowBinaryCodecs.codec(ClickHouseType.parse("IPv4"), Long.class);
        assertThat(number.read(in("ffffffff"))).isEqualTo(4294967295L);
        assertThat(number.readLong(in("04030201"))).isEqualTo(16909060L);
        assertThat(hex(number, 16909060L)).isEqualTo("04030201");
        assertThatThrownBy(() -> hex(number, 4294967296L)).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("4294967296");
    }

    @Test
    void ipv6AsClickHousePrintsIt() {
        assertThat(Ipv6Text.format(bytes("00000000000000000000000000000000"))).isEqualTo("::");
        assertThat(Ipv6Text.format(bytes("00000000000000000000000000000001"))).isEqualTo("::1");
        assertThat(Ipv6Text.format(bytes("00010000000000000000000000000000"))).isEqualTo("1::");
        assertThat(Ipv6Text.format(bytes("20010db8000000000000000000000001"))).isEqualTo("2001:db8::1");
        assertThat(Ipv6Text.format(bytes("00000000000000000000ffff01020304"))).isEqualTo("::ffff:1.2.3.4");
        assertThat(Ipv6Text.format(bytes("00000000000000000000000001020304"))).isEqualTo("::1.2.3.4");
        // runs of two zero groups at 1-2 and of three at 4-6: the longer one is ::
        assertThat(Ipv6Text.format(bytes("00010000000000020000000000000003"))).isEqualTo("1:0:0:2::3");
        // two runs of two: the first
        assertThat(Ipv6Text.format(bytes("00010000000200000000000300000000"))).isEqualTo("1:0:2::3:0:0");
        // a single zero group is written out
        assertThat(Ipv6Text.format(bytes("00010000000200030004000500060007"))).isEqualTo("1:0:2:3:4:5:6:7");
        ValueCodec<String> codec = RowBinaryCodecs.codec(ClickHouseType.parse("IPv6"), String.class);
        assertThat(hex(codec, "2001:DB8::1")).isEqualTo("20010db8000000000000000000000001");
        assertThat(hex(codec, "1.2.3.4")).isEqualTo("00000000000000000000ffff01020304");
        assertThatThrownBy(() -> hex(codec, "example.com")).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("example.com");
    }

    @Test
    void enumNumbersAndDatesAsNumbersAndText() {
        ValueCodec<Integer> e = RowBinaryCodecs.codec(ClickHouseType.parse("Enum8('a' = 1, 'b' = -2)"), Integer.class);
        assertThat(e.read(in("fe"))).isEqualTo(-2);
        assertThat(hex(e, -2)).isEqualTo("fe");
        assertThatThrownBy(() -> hex(e, 3)).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("no element has this number");
        assertThatThrownBy(() -> e.read(in("05"))).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("unknown value 5");
        ValueCodec<String> date = RowBinaryCodecs.codec(ClickHouseType.parse("Date"), String.class);
        assertThat(date.read(in("464d"))).isEqualTo("2024-02-29");
        assertThat(hex(date, "2024-02-29")).isEqualTo("464d");
        assertThatThrownBy(() -> hex(date, "2024-02-30")).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("2024-02-30");
        ValueCodec<Integer> days = RowBinaryCodecs.codec(ClickHouseType.parse("Date32"), Integer.class);
        // Date32 is an Int32 of days: 1900-01-01 is -25567 = 0xffff9c21
        assertThat(days.read(in("219cffff"))).isEqualTo(-25567);
        assertThat(hex(days, -25567)).isEqualTo("219cffff");
    }

    @Test
    void formatsBuiltInAnyOrderAreEqualWithTheHashOfTheirMaps() {
        ReadFormats a = ReadFormats.NONE.withType("UInt64", ReadFormat.LONG).withColumn("n", ReadFormat.NUMBER);
        ReadFormats b = ReadFormats.NONE.withColumn("n", ReadFormat.NUMBER).withType("UInt64", ReadFormat.LONG);

        assertThat(a).isEqualTo(b);
        // the hash is kept from construction; it must be the one the two maps give now
        assertThat(a.hashCode()).isEqualTo(b.hashCode())
                .isEqualTo(Map.of("UInt64", ReadFormat.LONG).hashCode() * 31 + Map.of("n", ReadFormat.NUMBER).hashCode());
        assertThat(ReadFormats.NONE.hashCode()).isZero();
        assertThat(a).isNotEqualTo(ReadFormats.NONE.withType("UInt64", ReadFormat.LONG));
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
