package io.chspring.client.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClickHouseTypeParserTests {

    @ParameterizedTest
    @ValueSource(strings = {"Int8", "UInt256", "BFloat16", "Decimal(9, 2)", "Decimal(76, 76)", "Bool", "FixedString(16)",
        "Enum8('a' = 1, 'b\\'c' = -2)", "Enum16('x\\\\y' = 1000)", "UUID", "IPv4", "IPv6", "Date32",
        "DateTime", "DateTime('Asia/Tokyo')", "DateTime64(3)", "DateTime64(9, 'UTC')", "Time", "Time64(6)",
        "Array(Nullable(String))", "Tuple(UInt8, String)", "Tuple(a UInt8, `b c` Nullable(String))", "Tuple()",
        "Map(LowCardinality(String), Array(UInt64))", "Nested(a UInt32, b String)", "Point", "Ring", "Polygon",
        "MultiPolygon", "LineString", "MultiLineString", "JSON", "JSON(max_dynamic_paths=10, a.b UInt32, SKIP x)",
        "JSON(max_dynamic_paths=10, max_dynamic_types=3, a UInt32, SKIP b, SKIP REGEXP 'c.*')",
        "Variant(Array(UInt8), String, UInt64)", "Dynamic", "Dynamic(max_types=10)",
        "SimpleAggregateFunction(anyLast, Nullable(String))", "Nothing", "Nullable(Nothing)", "IntervalDay",
        "LowCardinality(Nullable(FixedString(4)))"})
    void printsWhatItParses(String name) {
        assertThat(ClickHouseType.parse(name)).hasToString(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Decimal32(4)|Decimal(9, 4)", "Decimal64(2)|Decimal(18, 2)", "Decimal128(0)|Decimal(38, 0)",
        "Decimal256(10)|Decimal(76, 10)", "Decimal(5)|Decimal(5, 0)", "BOOLEAN|Bool", "bigint|Int64",
        "Variant(UInt64, String)|Variant(String, UInt64)", "Enum('a', 'b')|Enum8('a' = 1, 'b' = 2)",
        "Enum('a' = 1000)|Enum16('a' = 1000)", "  Array ( Int8 )  |Array(Int8)", "Tuple(\"a b\" Int8)|Tuple(`a b` Int8)"})
    void normalizesAliasesAndOrder(String input, String canonical) {
        assertThat(ClickHouseType.parse(input)).hasToString(canonical);
    }

    @Test
    void exposesStructure() {
        ClickHouseType t = ClickHouseType.parse("Map(String, Array(Tuple(a DateTime64(3, 'UTC'), b Enum8('x' = 5))))");
        assertThat(t.kind()).isEqualTo(ClickHouseKind.MAP);
        ClickHouseType tuple = t.children().get(1).child();
        assertThat(tuple.names()).containsExactly("a", "b");
        assertThat(tuple.children().get(0).precision()).isEqualTo(3);
        assertThat(tuple.children().get(0).timeZone()).isEqualTo("UTC");
        assertThat(tuple.children().get(1).enumValues()).containsExactly(5);
        assertThat(ClickHouseType.parse("Point").wireType()).hasToString("Tuple(Float64, Float64)");
        assertThat(ClickHouseType.parse("LowCardinality(String)").wireType()).hasToString("String");
        assertThat(ClickHouseType.parse("Decimal(9, 2)")).isEqualTo(ClickHouseType.parse("Decimal32(2)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Array(Int8|at position 10: expected ')'",
        "Decimal(77, 2)|Decimal precision 77 is out of range",
        "Decimal(9, 10)|Decimal scale 10 is out of range",
        "DateTime64(10)|DateTime64 precision 10 is out of range",
        "Enum8('a' = 200)|Enum8 values must be between -128 and 127",
        "Enum8('a' = 1, 'a' = 2)|duplicate Enum element",
        "Tuple(a Int8, String)|either all or no Tuple elements must have names",
        "Int8 junk|at position 5: unexpected 'j'",
        "DateTime('UTC|unterminated quoted string",
        "|at position 0: expected a type name",
        "Int32(5)|Int32 takes no parameters"})
    void reportsParseErrorsWithPosition(String input, String message) {
        assertThatThrownBy(() -> ClickHouseType.parse(input == null ? "" : input))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("cannot parse type")
                .hasMessageContaining(message);
    }

    @Test
    void refusesUnsupportedTypesByName() {
        assertThatThrownBy(() -> ClickHouseType.parse("AggregateFunction(uniq, UInt64)"))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageStartingWith("unsupported type AggregateFunction(uniq, UInt64)");
        assertThatThrownBy(() -> ClickHouseType.parse("Array(Object('json'))"))
                .hasMessageStartingWith("unsupported type Object('json')").hasMessageContaining("use the JSON type");
        assertThatThrownBy(() -> ClickHouseType.parse("QBit(Float32, 8)"))
                .hasMessage("unsupported type QBit(Float32, 8)");
    }

    @Test
    void columnErrorsNameTheColumn() {
        assertThatThrownBy(() -> ClickHouseColumn.of("state", "AggregateFunction(sum, UInt64)"))
                .hasMessageStartingWith("column 'state': unsupported type AggregateFunction(sum, UInt64)");
    }
}
