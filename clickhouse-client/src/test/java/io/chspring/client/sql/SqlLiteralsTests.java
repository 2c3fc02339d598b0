package io.chspring.client.sql;

import static io.chspring.client.sql.SqlLiterals.toLiteral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Expected forms; that the server reads them back bit for bit is checked by tools/sql-literal-check. */
class SqlLiteralsTests {

    @Test
    void nullAndOptionals() {
        assertThat(toLiteral(null)).isEqualTo("NULL");
        assertThat(toLiteral(Optional.empty())).isEqualTo("NULL");
        assertThat(toLiteral(Optional.of("a"))).isEqualTo("'a'");
        assertThat(toLiteral(OptionalInt.of(3))).isEqualTo("3");
        assertThat(toLiteral(OptionalLong.empty())).isEqualTo("NULL");
        assertThat(toLiteral(OptionalDouble.of(0.5))).isEqualTo("0.5");
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControls() {
        assertThat(toLiteral("plain")).isEqualTo("'plain'");
        assertThat(toLiteral("")).isEqualTo("''");
        assertThat(toLiteral("it's")).isEqualTo("'it\\'s'");
        assertThat(toLiteral("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(toLiteral("end\\")).isEqualTo("'end\\\\'");
        assertThat(toLiteral("\\'")).isEqualTo("'\\\\\\''");
        assertThat(toLiteral("\n\r\t\0\b\f")).isEqualTo("'\\n\\r\\t\\0\\b\\f'");
        assertThat(toLiteral("\u0001\u001b\u007f")).isEqualTo("'\\x01\\x1B\\x7F'");
        assertThat(toLiteral("`\"?:")).isEqualTo("'`\"?:'");
    }

    @Test
    void injectionAttemptsAreQuoted() {
        assertThat(toLiteral("' OR 1=1 --")).isEqualTo("'\\' OR 1=1 --'");
        assertThat(toLiteral("'; DROP TABLE t; --")).isEqualTo("'\\'; DROP TABLE t; --'");
        assertThat(toLiteral("\\'; SELECT 1; --")).isEqualTo("'\\\\\\'; SELECT 1; --'");
    }

    @Test
    void everyQuoteInTheLiteralIsEscaped() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            all.append(c);
        }
        String literal = toLiteral(all.toString());
        String body = literal.substring(1, literal.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else {
                assertThat(c).as("unescaped at %d", i).isNotEqualTo('\'').isGreaterThanOrEqualTo(' ').isNotEqualTo('\u007f');
            }
        }
    }

    @Test
    void nonAsciiIsKeptAndUnpairedSurrogatesAreRejected() {
        assertThat(toLiteral("h\u00e9 \u4e2d \ud83d\ude00")).isEqualTo("'h\u00e9 \u4e2d \ud83d\ude00'");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral("a\ud83d"))
                .withMessageContaining("unpaired UTF-16 surrogate \\ud83d at index 1");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral("\ude00a"))
                .withMessageContaining("at index 0");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral('\ud800'));
    }

    @Test
    void charactersCharSequencesAndEnums() {
        assertThat(toLiteral('\'')).isEqualTo("'\\''");
        assertThat(toLiteral(new StringBuilder("s'b"))).isEqualTo("'s\\'b'");
        assertThat(toLiteral(new char[] {'a', '\''})).isEqualTo("'a\\''");
        assertThat(toLiteral(DayOfWeek.MONDAY)).isEqualTo("'MONDAY'");
    }

    @Test
    void bytesAreBinarySafe() {
        assertThat(toLiteral(new byte[] {0, 'a', '\'', '\\', (byte) 0x80, (byte) 0xff, '\n', 0x7f}))
                .isEqualTo("'\\x00a\\'\\\\\\x80\\xFF\\x0A\\x7F'");
        assertThat(toLiteral(new byte[0])).isEqualTo("''");
    }

    @Test
    void integers() {
        assertThat(toLiteral((byte) -128)).isEqualTo("-128");
        assertThat(toLiteral((short) 32767)).isEqualTo("32767");
        assertThat(toLiteral(Integer.MIN_VALUE)).isEqualTo("-2147483648");
        assertThat(toLiteral(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(toLiteral(new AtomicInteger(5))).isEqualTo("5");
        assertThat(toLiteral(new AtomicLong(-5))).isEqualTo("-5");
    }

    @Test
    void bigIntegersBeyondSixtyFourBitsAreTyped() {
        BigInteger maxUInt64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertThat(toLiteral(maxUInt64)).isEqualTo("18446744073709551615");
        assertThat(toLiteral(BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
        assertThat(toLiteral(maxUInt64.add(BigInteger.ONE))).isEqualTo("toInt128('18446744073709551616')");
        assertThat(toLiteral(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)))
                .isEqualTo("toInt128('-9223372036854775809')");
        assertThat(toLiteral(BigInteger.ONE.shiftLeft(200))).startsWith("toInt256('");
        assertThat(toLiteral(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))).startsWith("toUInt256('");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(BigInteger.ONE.shiftLeft(256)))
                .withMessageContaining("does not fit in 256 bits");
    }

    @Test
    void bigDecimalsUseTheNarrowestDecimal() {
        assertThat(toLiteral(new BigDecimal("1.50"))).isEqualTo("toDecimal32('1.50', 2)");
        assertThat(toLiteral(new BigDecimal("0.001"))).isEqualTo("toDecimal32('0.001', 3)");
        assertThat(toLiteral(new BigDecimal("-12345678.0123456789"))).isEqualTo("toDecimal64('-12345678.0123456789', 10)");
        assertThat(toLiteral(new BigDecimal("-123456789.0123456789"))).isEqualTo("toDecimal128('-123456789.0123456789', 10)");
        assertThat(toLiteral(new BigDecimal("1E+3"))).isEqualTo("toDecimal32('1000', 0)");
        assertThat(toLiteral(new BigDecimal("12345678901234567890.1"))).isEqualTo("toDecimal128('12345678901234567890.1', 1)");
        assertThat(toLiteral(new BigDecimal("1" + "0".repeat(40)))).startsWith("toDecimal256(");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(new BigDecimal("1" + "0".repeat(80))))
                .withMessageContaining("at most 76 digits");
    }

    @Test
    void floatingPoint() {
        assertThat(toLiteral(1.5)).isEqualTo("1.5");
        assertThat(toLiteral(-0.0)).isEqualTo("-0.0");
        assertThat(toLiteral(1e-5)).isEqualTo("1.0E-5");
        assertThat(toLiteral(Double.NaN)).isEqualTo("nan");
        assertThat(toLiteral(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(toLiteral(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(toLiteral(Float.NaN)).isEqualTo("nan");
        assertThat(toLiteral(0.1f)).isEqualTo("0.10000000149011612");
        assertThat(toLiteral(Double.MIN_VALUE)).isEqualTo("(5.6961890777784355E-306 / 1152921504606846976)");
        assertThat(Double.parseDouble("5.6961890777784355E-306") / 1152921504606846976.0).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void booleansAreOneAndZero() {
        assertThat(toLiteral(true)).isEqualTo("1");
        assertThat(toLiteral(false)).isEqualTo("0");
        assertThat(toLiteral(new boolean[] {true, false})).isEqualTo("[1, 0]");
    }

    @Test
    void dates() {
        assertThat(toLiteral(LocalDate.of(2024, 2, 29))).isEqualTo("toDate('2024-02-29')");
        assertThat(toLiteral(LocalDate.EPOCH)).isEqualTo("toDate('1970-01-01')");
        assertThat(toLiteral(LocalDate.of(2105, 12, 31))).isEqualTo("toDate('2105-12-31')");
        assertThat(toLiteral(LocalDate.of(2106, 1, 1))).isEqualTo("toDate32('2106-01-01')");
        assertThat(toLiteral(LocalDate.of(1900, 1, 1))).isEqualTo("toDate32('1900-01-01')");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(LocalDate.of(1899, 12, 31)))
                .withMessageContaining("outside the range of ClickHouse Date32");
    }

    @Test
    void dateTimesAreUtcAndWholeSecondsArePortable() {
        assertThat(toLiteral(LocalDateTime.of(2024, 2, 29, 12, 34, 56))).isEqualTo("toDateTime('2024-02-29 12:34:56', 'UTC')");
        assertThat(toLiteral(Instant.parse("2024-02-29T12:34:56Z"))).isEqualTo("toDateTime('2024-02-29 12:34:56', 'UTC')");
        assertThat(toLiteral(OffsetDateTime.of(2024, 2, 29, 14, 34, 56, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("toDateTime('2024-02-29 12:34:56', 'UTC')");
        assertThat(toLiteral(ZonedDateTime.of(2024, 7, 1, 14, 0, 0, 0, ZoneId.of("Europe/Berlin"))))
                .isEqualTo("toDateTime('2024-07-01 12:00:00', 'UTC')");
        assertThat(toLiteral(Instant.EPOCH)).isEqualTo("toDateTime('1970-01-01 00:00:00', 'UTC')");
        assertThat(toLiteral(Instant.ofEpochSecond(4_291_747_199L))).isEqualTo("toDateTime('2105-12-31 23:59:59', 'UTC')");
    }

    @Test
    void subSecondAndOutOfRangeDateTimesUseDateTime64WithTheFewestDigits() {
        assertThat(toLiteral(Instant.parse("2024-02-29T12:34:56.120Z")))
                .isEqualTo("toDateTime64('2024-02-29 12:34:56.120', 3, 'UTC')");
        assertThat(toLiteral(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000)))
                .isEqualTo("toDateTime64('2024-02-29 12:34:56.123456', 6, 'UTC')");
        assertThat(toLiteral(Instant.parse("2024-02-29T12:34:56.000000001Z")))
                .isEqualTo("toDateTime64('2024-02-29 12:34:56.000000001', 9, 'UTC')");
        assertThat(toLiteral(Instant.parse("1969-12-31T23:59:59Z")))
                .isEqualTo("toDateTime64('1969-12-31 23:59:59', 0, 'UTC')");
        assertThat(toLiteral(Instant.parse("2106-01-01T00:00:00Z")))
                .isEqualTo("toDateTime64('2106-01-01 00:00:00', 0, 'UTC')");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(Instant.parse("2263-01-01T00:00:00.000000001Z")))
                .withMessageContaining("DateTime64(9)");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(Instant.MAX))
                .withMessageContaining("outside the range");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(LocalDateTime.MIN))
                .withMessageContaining("outside the range");
    }

    @Test
    void timesAreStrings() {
        assertThat(toLiteral(LocalTime.of(1, 2, 3))).isEqualTo("'01:02:03'");
        assertThat(toLiteral(LocalTime.of(1, 2, 3, 500_000_000))).isEqualTo("'01:02:03.500'");
    }

    @Test
    void uuids() {
        assertThat(toLiteral(UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0")))
                .isEqualTo("toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0')");
    }

    @Test
    void collectionsAndArraysRecursively() {
        assertThat(toLiteral(List.of())).isEqualTo("[]");
        assertThat(toLiteral(List.of(List.of(1, 2), List.of()))).isEqualTo("[[1, 2], []]");
        assertThat(toLiteral(Arrays.asList("a", null))).isEqualTo("['a', NULL]");
        assertThat(toLiteral(Set.of("x"))).isEqualTo("['x']");
        assertThat(toLiteral(new String[] {"a'"})).isEqualTo("['a\\'']");
        assertThat(toLiteral(new int[] {1, -2})).isEqualTo("[1, -2]");
        assertThat(toLiteral(new long[] {Long.MAX_VALUE})).isEqualTo("[9223372036854775807]");
        assertThat(toLiteral(new short[] {3})).isEqualTo("[3]");
        assertThat(toLiteral(new double[] {Double.NaN, -0.0})).isEqualTo("[nan, -0.0]");
        assertThat(toLiteral(new float[] {0.5f})).isEqualTo("[0.5]");
        assertThat(toLiteral(new int[][] {{1}, {}})).isEqualTo("[[1], []]");
        assertThat(toLiteral(List.of(new byte[] {1}))).isEqualTo("['\\x01']");
        assertThat(toLiteral(new char[][] {{'a'}})).isEqualTo("['a']");
    }

    @Test
    void maps() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b'", List.of(2));
        assertThat(toLiteral(map)).isEqualTo("map('a', 1, 'b\\'', [2])");
        assertThat(toLiteral(Map.of())).isEqualTo("map()");
    }

    @Test
    void identifiersAndRawSql() {
        assertThat(toLiteral(Identifier.of("t"))).isEqualTo("`t`");
        assertThat(toLiteral(RawSql.trusted("now()"))).isEqualTo("now()");
    }

    @Test
    void unsupportedTypesAreNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(new Object()))
                .withMessage("No ClickHouse SQL literal for a value of type java.lang.Object");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(new java.util.Date()))
                .withMessageContaining("java.util.Date");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(Path.of("a")))
                .withMessageContaining("Path");
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(new Object[] {new Thread()}))
                .withMessage("No ClickHouse SQL literal for a value of type java.lang.Thread");
    }

    @Test
    void selfContainingCollectionFailsFast() {
        List<Object> list = new ArrayList<>();
        list.add(list);
        assertThatIllegalArgumentException().isThrownBy(() -> toLiteral(list))
                .withMessageContaining("nests more than 32");
    }
}
