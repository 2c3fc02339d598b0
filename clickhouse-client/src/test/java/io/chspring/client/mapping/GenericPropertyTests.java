package io.chspring.client.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.rowbinary.RowBinaryOutput;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of generic types ({@code List<Integer>}, {@code Map<String, List<Long>>}) read from engine-produced rows
 * into records and POJOs through the field's generic type, written back to the same bytes, and refused at build
 * time when an element type cannot hold its column's values.
 */
class GenericPropertyTests {

    record Tagged(List<Integer> wide, List<Short> small, Collection<Long> ids, Map<String, List<Long>> groups,
            Map<String, Integer> counts, List<List<List<String>>> deep, List<Long> widened) {
    }

    private static final String[] TAGGED_ROW = {
        "wide", "array_uint16_bounds", "small", "array_uint8", "ids", "array_uint32_bounds",
        "groups", "map_string_array_uint64", "counts", "map_string_uint16", "deep", "array_array_array_string",
        "widened", "array_uint8"};

    private static final Tagged EXPECTED = new Tagged(List.of(0, 1, 65535), List.of((short) 1, (short) 2, (short) 3),
            List.of(0L, 4294967295L), Map.of("x", List.of(1L, 2L, 3L), "y", List.of()), Map.of("a", 1, "z", 65535),
            List.of(List.of(List.of("x", "y")), List.of(List.of()), List.of(List.of("z"))), List.of(1L, 2L, 3L));

    @Test
    void readsGenericPropertiesWithTheirDeclaredElementTypesAndWritesTheSameBytes() {
        Golden.Row row = Golden.row(TAGGED_ROW);
        MappedRowDecoder<Tagged> decoder = MappedRowDecoder.of(RowType.of(Tagged.class), row.columns(),
                MappingOptions.DEFAULT);
        RowBinaryInput in = RowBinaryInput.of(row.bytes());
        Tagged read = decoder.read(in);
        assertThat(in.hasMore()).isFalse();
        assertThat(read).isEqualTo(EXPECTED);
        // equals on lists compares elements by equals, which would not tell Integer 1 from Long 1: check the classes
        assertThat(read.wide()).allSatisfy(e -> assertThat(e).isInstanceOf(Integer.class));
        assertThat(read.widened()).allSatisfy(e -> assertThat(e).isInstanceOf(Long.class));
        assertThat(read.groups().get("x")).allSatisfy(e -> assertThat(e).isInstanceOf(Long.class));

        MappedRowEncoder<Tagged> encoder = MappedRowEncoder.of(RowType.of(Tagged.class), row.table(),
                MappingOptions.DEFAULT);
        assertThat(RowBinaryOutput.toBytes(out -> encoder.write(out, read))).isEqualTo(row.bytes());
    }

    static class Bag {
        private List<Integer> wide;
        private Map<String, Integer> counts;

        private Bag() {
        }
    }

    @Test
    void pojoFieldsUseTheirGenericTypesToo() {
        Golden.Row row = Golden.row("wide", "array_uint16_bounds", "counts", "map_string_uint16");
        Bag bag = MappedRowDecoder.of(RowType.of(Bag.class), row.columns(), MappingOptions.DEFAULT)
                .read(RowBinaryInput.of(row.bytes()));
        assertThat(bag.wide).containsExactly(0, 1, 65535);
        assertThat(bag.counts).containsEntry("z", 65535).hasSize(2);
        MappedRowEncoder<Bag> encoder = MappedRowEncoder.of(RowType.of(Bag.class), row.table(), MappingOptions.DEFAULT);
        assertThat(RowBinaryOutput.toBytes(out -> encoder.write(out, bag))).isEqualTo(row.bytes());
    }

    record Lossy(List<Integer> ids, Map<String, List<Integer>> groups, Set<Integer> wide, Map<String, Short> counts) {
    }

    private static final String[] LOSSY_ROW = {
        "ids", "array_uint32_bounds", "groups", "map_string_array_uint64", "wide", "array_uint16_bounds",
        "counts", "map_string_uint16"};

    @Test
    void readingRefusesElementTypesThatCannotHoldTheColumnListingEveryProblem() {
        Golden.Row row = Golden.row(LOSSY_ROW);
        assertThatThrownBy(() -> MappedRowDecoder.of(RowType.of(Lossy.class), row.columns(), MappingOptions.DEFAULT))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("column 'ids' Array(UInt32) <-> field 'ids' java.util.List<java.lang.Integer>: "
                        + "cannot map ClickHouse type Array(UInt32) to Java type java.util.List<java.lang.Integer>: "
                        + "java.lang.Integer cannot hold UInt32; supported for UInt32: long, BigInteger")
                .hasMessageContaining("column 'groups' Map(String, Array(UInt64)) <-> field 'groups' "
                        + "java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>: ")
                .hasMessageContaining("java.lang.Integer cannot hold UInt64")
                .hasMessageContaining("column 'wide' Array(UInt16) <-> field 'wide' java.util.Set<java.lang.Integer>")
                .hasMessageContaining("not Set, which would drop duplicate elements")
                .hasMessageContaining("column 'counts' Map(String, UInt16) <-> field 'counts' "
                        + "java.util.Map<java.lang.String, java.lang.Short>: ")
                .hasMessageContaining("java.lang.Short cannot hold UInt16")
                .hasMessageNotContaining("declare");
    }

    @Test
    void insertingRefusesThemToo() {
        Golden.Row row = Golden.row(LOSSY_ROW);
        assertThatThrownBy(() -> MappedRowEncoder.of(RowType.of(Lossy.class), row.table(), MappingOptions.DEFAULT))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageStartingWith("Cannot insert " + Lossy.class.getName())
                .hasMessageContaining("4 problems")
                .hasMessageContaining("java.lang.Integer cannot hold UInt32")
                .hasMessageContaining("java.lang.Integer cannot hold UInt64")
                .hasMessageContaining("java.lang.Short cannot hold UInt16");
    }
}
