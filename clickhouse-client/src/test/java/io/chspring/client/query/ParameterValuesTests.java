package io.chspring.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterValuesTests {

    @Test
    void stringsUseTheEscapedFormatNotQuotes() {
        assertThat(ParameterValues.text("p", "it's")).isEqualTo("it's");
        assertThat(ParameterValues.text("p", "a\\b\tc\nd\re\0f")).isEqualTo("a\\\\b\\tc\\nd\\re\\0f");
        assertThat(ParameterValues.text("p", "plain")).isSameAs("plain");
    }

    @Test
    void nullIsTheEscapedNull() {
        assertThat(ParameterValues.text("p", null)).isEqualTo("\\N");
    }

    @Test
    void numbersAndBooleans() {
        assertThat(ParameterValues.text("p", 42L)).isEqualTo("42");
        assertThat(ParameterValues.text("p", new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ParameterValues.text("p", 0.1f)).isEqualTo("0.1");
        assertThat(ParameterValues.text("p", Double.NaN)).isEqualTo("nan");
        assertThat(ParameterValues.text("p", Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(ParameterValues.text("p", true)).isEqualTo("true");
    }

    @Test
    void datesTimesAndUuids() {
        assertThat(ParameterValues.text("p", LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(ParameterValues.text("p", LocalDateTime.of(2024, 2, 29, 12, 34, 56))).isEqualTo("2024-02-29 12:34:56");
        assertThat(ParameterValues.text("p", LocalDateTime.of(2024, 2, 29, 12, 34, 56, 120_000_000)))
                .isEqualTo("2024-02-29 12:34:56.12");
        assertThat(ParameterValues.text("p", Instant.ofEpochSecond(1709210096))).isEqualTo("1709210096");
        assertThat(ParameterValues.text("p", Instant.ofEpochSecond(1709210096, 500_000_000))).isEqualTo("1709210096.5");
        assertThat(ParameterValues.text("p", OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("1709202896");
        assertThat(ParameterValues.text("p", UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0")))
                .isEqualTo("61f0c404-5cb3-11e7-907b-a6006ad3dba0");
    }

    @Test
    void arraysAndMapsUseTheTextFormatNotSqlFunctions() {
        // Accepted as {m:Map(String, Array(Int32))} and {xs:Array(Map(String, UInt8))} by chDB 26.5
        // (ModernTypesIntegrationTests runs them on the engine).
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("it's", List.of(1, -2));
        map.put("b", new int[0]);
        assertThat(ParameterValues.text("m", map)).isEqualTo("{'it\\'s':[1, -2], 'b':[]}");
        assertThat(ParameterValues.text("xs", List.of(Map.of("k", 1), Map.of()))).isEqualTo("[{'k':1}, {}]");
        assertThat(ParameterValues.text("xs", new String[] {"a", null})).isEqualTo("['a', NULL]");
    }

    @Test
    void unsupportedTypesNameTheParameterAndType() {
        assertThatThrownBy(() -> ParameterValues.text("when", new Object()))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("'when'").hasMessageContaining("java.lang.Object");
    }
}
