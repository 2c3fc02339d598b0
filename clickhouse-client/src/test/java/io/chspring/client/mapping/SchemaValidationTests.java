package io.chspring.client.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.type.ClickHouseColumn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidationTests {

    record Event(long id, int name, String missing, String computed, int maybe, List<Integer> codes,
            @ReadOnly String day) {
    }

    private static final List<TableColumn> TABLE = List.of(
            TableColumn.of("id", "UInt64", ""),
            TableColumn.of("name", "String", ""),
            TableColumn.of("extra", "String", ""),
            TableColumn.of("computed", "UInt32", "MATERIALIZED"),
            TableColumn.of("with_default", "DateTime", "DEFAULT"),
            TableColumn.of("maybe", "Nullable(Int32)", ""),
            TableColumn.of("codes", "Array(UInt8)", ""),
            TableColumn.of("day", "Date", "ALIAS"));

    @Test
    void insertValidationListsEveryProblem() {
        assertThatThrownBy(() -> MappedRowEncoder.of(RowType.of(Event.class), TABLE, MappingOptions.DEFAULT))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageStartingWith("Cannot insert " + Event.class.getName())
                .hasMessageContaining("4 problems")
                .hasMessageContaining("column 'name' String <-> field 'name' int: cannot map ClickHouse type String")
                .hasMessageContaining("field 'missing' (column 'missing') has no column in the table")
                .hasMessageContaining("column 'computed' is MATERIALIZED and cannot be inserted; mark field 'computed'"
                        + " @ReadOnly")
                .hasMessageContaining("table column 'extra' String has no field in Event and no default")
                .hasMessageNotContaining("'with_default'")
                .hasMessageNotContaining("'day'");
    }

    @Test
    void readValidationListsEveryProblem() {
        List<ClickHouseColumn> result = List.of(ClickHouseColumn.of("id", "UInt64"),
                ClickHouseColumn.of("name", "String"), ClickHouseColumn.of("extra", "String"),
                ClickHouseColumn.of("maybe", "Nullable(Int32)"), ClickHouseColumn.of("codes", "Array(UInt32)"),
                ClickHouseColumn.of("day", "Int32"));
        assertThatThrownBy(() -> MappedRowDecoder.of(RowType.of(Event.class), result, MappingOptions.DEFAULT))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("7 problems")
                .hasMessageContaining("column 'name' String <-> field 'name' int")
                .hasMessageContaining("column 'extra' String has no field in Event")
                .hasMessageContaining("column 'maybe' Nullable(Int32) <-> field 'maybe' int: a primitive cannot hold "
                        + "NULL; use Integer")
                .hasMessageContaining("column 'codes' Array(UInt32) <-> field 'codes' java.util.List<java.lang.Integer>: "
                        + "cannot map ClickHouse type Array(UInt32) to Java type java.util.List<java.lang.Integer>: "
                        + "java.lang.Integer cannot hold UInt32; supported for UInt32: long, BigInteger")
                .hasMessageContaining("field 'missing' (column 'missing') has no column in the result")
                .hasMessageContaining("field 'computed' (column 'computed') has no column in the result")
                .hasMessageContaining("column 'day' Int32 <-> field 'day' java.lang.String");
    }

    record Loose(long id, String name) {
    }

    @Test
    void withoutValidationColumnsAreMatchedByNameOnly() {
        MappedRowEncoder<Loose> encoder = MappedRowEncoder.of(RowType.of(Loose.class), TABLE,
                MappingOptions.DEFAULT.withValidateSchema(false));
        assertThat(encoder.columnNames()).containsExactly("id", "name");
        assertThatThrownBy(() -> MappedRowEncoder.of(RowType.of(Loose.class), TABLE, MappingOptions.DEFAULT))
                .hasMessageContaining("table column 'extra'")
                .hasMessageContaining("table column 'maybe'");
    }

    record Row(String name, Instant at) {
    }

    @Test
    void nullIntoANonNullableColumnFailsAtWriteNamingColumnAndField() {
        MappedRowEncoder<Row> encoder = MappedRowEncoder.of(RowType.of(Row.class),
                List.of(TableColumn.of("name", "String", ""), TableColumn.of("at", "Nullable(DateTime)", "")),
                MappingOptions.DEFAULT);
        assertThat(RowBinaryOutput.toBytes(out -> encoder.write(out, new Row("a", null))))
                .containsExactly(1, 'a', 1);
        assertThatThrownBy(() -> RowBinaryOutput.toBytes(out -> encoder.write(out, new Row(null, Instant.EPOCH))))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessage("column 'name' (field 'name' of Row): null is not allowed for non-Nullable ClickHouse type "
                        + "String");
    }

    record Small(long value) {
    }

    @Test
    void outOfRangeValueNamesTheColumn() {
        MappedRowEncoder<Small> encoder = MappedRowEncoder.of(RowType.of(Small.class), List.of(TableColumn.of("value", "UInt8", "")),
                MappingOptions.DEFAULT);
        assertThat(RowBinaryOutput.toBytes(out -> encoder.write(out, new Small(255)))).containsExactly(0xff);
        assertThatThrownBy(() -> RowBinaryOutput.toBytes(out -> encoder.write(out, new Small(256))))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageStartingWith("column 'value' (field 'value' of Small): ");
    }
}
