package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.type.ClickHouseType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hand-written Java values for tricky golden lines: min/max, NaN, DateTime64 precisions, UUID, IPv6 and more. */
class RowBinaryGoldenExpectationsTests {

    private static final Map<String, GoldenFiles.Value> VALUES = new HashMap<>();

    static {
        GoldenFiles.values().forEach(v -> VALUES.put(v.id(), v));
    }

    private static Object read(String id) {
        return read(id, Object.class);
    }

    private static <T> T read(String id, Class<T> javaType) {
        return read(id, javaType, CodecOptions.DEFAULT);
    }

    private static <T> T read(String id, Class<T> javaType, CodecOptions options) {
        GoldenFiles.Value v = VALUES.get(id);
        assertThat(v).as(id).isNotNull();
        RowBinaryInput in = RowBinaryInput.of(v.bytes());
        T value = RowBinaryCodecs.codec(ClickHouseType.parse(v.type()), javaType, options).read(in);
        assertThat(in.isAtEnd()).isTrue();
        return value;
    }

    @Test
    void integerExtremes() {
        assertThat(read("int64_min")).isEqualTo(Long.MIN_VALUE);
        assertThat(read("int128_min")).isEqualTo(BigInteger.ONE.shiftLeft(127).negate());
        assertThat(read("uint64_max")).isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        assertThat(read("uint64_max", long.class)).isEqualTo(-1L);
        assertThat(read("uint256_max")).isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        assertThat(read("interval_day")).isEqualTo(5L);
    }

    @Test
    void floats() {
        assertThat((Double) read("float64_nan")).isNaN();
        assertThat(Float.floatToRawIntBits((Float) read("float32_negative_zero"))).isEqualTo(0x80000000);
        assertThat(read("bfloat16_pi")).isEqualTo(3.140625f);
    }

    @Test
    void decimalsKeepEveryDigit() {
        assertThat(read("decimal_38_10_max")).isEqualTo(new BigDecimal("9999999999999999999999999999.9999999999"));
        assertThat(read("decimal_76_76_tiny")).isEqualTo(new BigDecimal("-1E-76"));
    }

    @Test
    void boolFixedStringUuidAndAddresses() throws Exception {
        assertThat(read("bool_true")).isEqualTo(true);
        assertThat((byte[]) read("fixedstring_padded")).containsExactly('a', 'b', 'c', 0, 0);
        assertThat(read("fixedstring_padded", String.class)).isEqualTo("abc");
        assertThat(read("uuid_typical")).isEqualTo(UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"));
        assertThat(read("ipv4_typical")).isEqualTo(InetAddress.getByName("1.2.3.4"));
        assertThat(((InetAddress) read("ipv6_typical")).getAddress())
                .isEqualTo(InetAddress.getByName("2001:db8::ff00:42:8329").getAddress());
        assertThat(((InetAddress) read("ipv6_v4_mapped")).getAddress()).hasSize(16);
    }

    @Test
    void datesAndTimes() {
        assertThat(read("date_max")).isEqualTo(LocalDate.of(2149, 6, 6));
        assertThat(read("date32_min")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(read("datetime64_1_before_epoch_half")).isEqualTo(Instant.parse("1969-12-31T23:59:59.5Z"));
        assertThat(read("datetime64_9_max")).isEqualTo(Instant.parse("2262-04-11T23:47:16.854775807Z"));
        // the engine wrote '2024-02-29 12:34:56.123456789' in Tokyo (UTC+9): that wall clock under the COLUMN rule,
        // the UTC one under the default rule
        assertThat(read("datetime64_9_tz_tokyo", LocalDateTime.class, CodecOptions.DEFAULT.withTimeZoneRule(
                TimeZoneRule.COLUMN))).isEqualTo(LocalDateTime.parse("2024-02-29T12:34:56.123456789"));
        assertThat(read("datetime64_9_tz_tokyo", LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2024-02-29T03:34:56.123456789"));
        assertThat(read("datetime64_9_tz_tokyo", ZonedDateTime.class).getZone().getId()).isEqualTo("Asia/Tokyo");
        assertThat(read("time_negative")).isEqualTo(Duration.ofHours(-12));
        assertThat(read("time64_3_negative")).isEqualTo(Duration.parse("-PT1H2M3.456S"));
    }

    @Test
    void wrappersAndComposites() {
        assertThat(read("null_literal")).isNull();
        assertThat(read("lowcardinality_nullable_string_null")).isNull();
        assertThat(read("map_string_uint64")).isEqualTo(Map.of("a", BigInteger.ONE, "b", BigInteger.TWO));
        assertThat(read("nested_not_flattened")).isEqualTo(List.of(List.of(1L, "x"), List.of(2L, "y")));
        assertThat((double[]) read("geo_point")).containsExactly(1.5, -2.5);
        assertThat(Arrays.deepToString((double[][]) read("geo_ring"))).isEqualTo("[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]");
    }

    @Test
    void variantDynamicAndJson() {
        assertThat(read("variant_null")).isNull();
        TypedValue dynamic = (TypedValue) read("dynamic_datetime64_6_tz");
        assertThat(dynamic.type()).hasToString("DateTime64(6, 'America/New_York')");
        assertThat(dynamic.value()).isEqualTo(Instant.parse("2024-02-29T17:34:56.789012Z"));
        assertThat(read("json_typed_path")).isEqualTo(Map.of("a", 7L, "b", "s"));
        assertThat(read("json_typed_path", String.class)).isEqualTo("{\"a\":7,\"b\":\"s\"}");
    }
}
