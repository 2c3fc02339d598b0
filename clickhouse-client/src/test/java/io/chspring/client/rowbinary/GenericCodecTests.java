package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Codecs built from generic Java types ({@code List<Integer>}, {@code Map<String, List<Long>>}, ...), read from and
 * written back to golden bytes of chDB (values.tsv), and the errors for element types that cannot hold the values.
 */
class GenericCodecTests {

    /** Captures a generic type: {@code new Of<List<Integer>>() {}.type()}. */
    abstract static class Of<T> {
        Type type() {
            return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
        }
    }

    private static final Map<String, GoldenFiles.Value> GOLDEN = new HashMap<>();

    static {
        GoldenFiles.values().forEach(v -> GOLDEN.put(v.id(), v));
    }

    /** Reads the golden value as {@code javaType}, checks every byte was consumed and that writing it gives them back. */
    private static Object roundTrip(String id, Type javaType) {
        GoldenFiles.Value v = GOLDEN.get(id);
        assertThat(v).as(id).isNotNull();
        ValueCodec<?> codec = RowBinaryCodecs.codec(ClickHouseType.parse(v.type()), javaType);
        RowBinaryInput in = RowBinaryInput.of(v.bytes());
        Object value = codec.read(in);
        assertThat(in.isAtEnd()).as("all bytes of " + id + " consumed").isTrue();
        assertThat(RowBinaryOutput.toBytes(o -> codec.write(o, value))).as("re-encoded " + id).isEqualTo(v.bytes());
        return value;
    }

    private static ValueCodec<?> codec(String type, Type javaType) {
        return RowBinaryCodecs.codec(ClickHouseType.parse(type), javaType);
    }

    @Test
    void listOfIntegerReadsArrayOfUInt16() {
        Object value = roundTrip("array_uint16_bounds", new Of<List<Integer>>() { }.type());
        assertThat(value).isEqualTo(List.of(0, 1, 65535));
        assertThat((List<?>) value).allSatisfy(e -> assertThat(e).isInstanceOf(Integer.class));
        // the default Java type of UInt16 is Integer too, and wildcards count as their bound
        assertThat(roundTrip("array_uint16_bounds", new Of<Collection<? extends Integer>>() { }.type()))
                .isEqualTo(List.of(0, 1, 65535));
        assertThat(roundTrip("array_uint16_bounds", new Of<Iterable<?>>() { }.type())).isEqualTo(List.of(0, 1, 65535));
    }

    @Test
    void listOfShortAndOfWiderTypesReadArrayOfUInt8() {
        assertThat(roundTrip("array_uint8", new Of<List<Short>>() { }.type()))
                .isEqualTo(List.of((short) 1, (short) 2, (short) 3));
        assertThat(roundTrip("array_uint8", new Of<List<Integer>>() { }.type())).isEqualTo(List.of(1, 2, 3));
        assertThat(roundTrip("array_uint8", new Of<List<Long>>() { }.type())).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(roundTrip("array_uint8", new Of<List<BigInteger>>() { }.type()))
                .isEqualTo(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3)));
        assertThat((List<?>) roundTrip("array_len_128", new Of<List<Short>>() { }.type())).hasSize(128)
                .last().isEqualTo((short) 127);
        assertThat(roundTrip("array_nullable_uint8", new Of<List<Short>>() { }.type()))
                .isEqualTo(Arrays.asList((short) 1, null));
    }

    @Test
    void listOfLongReadsArrayOfUInt32ButListOfIntegerIsRefused() {
        assertThat(roundTrip("array_uint32_bounds", new Of<List<Long>>() { }.type())).isEqualTo(List.of(0L, 4294967295L));
        assertThatThrownBy(() -> codec("Array(UInt32)", new Of<List<Integer>>() { }.type()))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessage("cannot map ClickHouse type Array(UInt32) to Java type java.util.List<java.lang.Integer>: "
                        + "java.lang.Integer cannot hold UInt32; supported for UInt32: long, BigInteger");
    }

    @Test
    void mapOfStringToListOfLongReadsMapOfArrayOfUInt64() {
        Object value = roundTrip("map_string_array_uint64", new Of<Map<String, List<Long>>>() { }.type());
        Map<String, List<Long>> expected = new LinkedHashMap<>();
        expected.put("x", List.of(1L, 2L, 3L));
        expected.put("y", List.of());
        assertThat(value).isEqualTo(expected);
        assertThat(((Map<?, ?>) value).keySet().toArray()).containsExactly("x", "y");
        assertThat(roundTrip("map_string_array_uint64", new Of<Map<String, List<BigInteger>>>() { }.type()))
                .isEqualTo(Map.of("x", List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3)), "y", List.of()));
        assertThatThrownBy(() -> codec("Map(String, Array(UInt64))", new Of<Map<String, List<Integer>>>() { }.type()))
                .hasMessage("cannot map ClickHouse type Map(String, Array(UInt64)) to Java type "
                        + "java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>: java.lang.Integer cannot "
                        + "hold UInt64; supported for UInt64: long, BigInteger");
    }

    @Test
    void mapKeyAndValueTypesAreBothChecked() {
        assertThat(roundTrip("map_string_uint16", new Of<Map<String, Integer>>() { }.type()))
                .isEqualTo(Map.of("a", 1, "z", 65535));
        assertThatThrownBy(() -> codec("Map(String, UInt16)", new Of<Map<String, Short>>() { }.type()))
                .hasMessageContaining("java.lang.Short cannot hold UInt16");
        Map<Short, String> withNull = new LinkedHashMap<>();
        withNull.put((short) 1, "one");
        withNull.put((short) 2, null);
        assertThat(roundTrip("map_uint8_nullable_string", new Of<Map<Short, String>>() { }.type())).isEqualTo(withNull);
        assertThatThrownBy(() -> codec("Map(UInt8, Nullable(String))", new Of<Map<String, String>>() { }.type()))
                .hasMessageContaining("java.lang.String cannot hold UInt8");
        assertThat(roundTrip("map_nested_map", new Of<Map<String, Map<String, Integer>>>() { }.type()))
                .isEqualTo(Map.of("outer", Map.of("inner", 1)));
    }

    @Test
    void nestedListsAndGenericArrays() {
        assertThat(roundTrip("array_array_array_string", new Of<List<List<List<String>>>>() { }.type()))
                .isEqualTo(List.of(List.of(List.of("x", "y")), List.of(List.of()), List.of(List.of("z"))));
        Object arrays = roundTrip("array_array_uint8", new Of<List<Integer>[]>() { }.type());
        assertThat(arrays).isInstanceOf(List[].class);
        assertThat((Object[]) arrays).containsExactly(List.of(1, 2), List.of(), List.of(3));
        assertThat(((List<?>) roundTrip("array_array_uint8", new Of<List<int[]>>() { }.type())).toArray())
                .containsExactly(new int[] {1, 2}, new int[0], new int[] {3});
        assertThatThrownBy(() -> codec("Array(Array(UInt8))", new Of<List<List<Byte>>>() { }.type()))
                .hasMessageContaining("java.lang.Byte cannot hold UInt8");
    }

    @Test
    void tupleAsListOfOneElementType() {
        assertThat(roundTrip("tuple_single", new Of<List<Long>>() { }.type())).isEqualTo(List.of(7L));
        assertThat(roundTrip("tuple_int8_string", new Of<List<Object>>() { }.type())).isEqualTo(List.of((byte) -1, "a"));
        assertThatThrownBy(() -> codec("Tuple(Int8, String)", new Of<List<Integer>>() { }.type()))
                .hasMessageContaining("java.lang.Integer cannot hold String");
    }

    @Test
    void setAndOptionalAreRefused() {
        // reading an Array into a Set would silently drop duplicate elements
        assertThatThrownBy(() -> codec("Array(UInt16)", new Of<Set<Integer>>() { }.type()))
                .hasMessageStartingWith("cannot map ClickHouse type Array(UInt16) to Java type "
                        + "java.util.Set<java.lang.Integer>; supported: ")
                .hasMessageContaining("not Set");
        assertThatThrownBy(() -> codec("Nullable(Int32)", new Of<Optional<Integer>>() { }.type()))
                .hasMessageContaining("java.util.Optional<java.lang.Integer> cannot hold Int32");
        assertThatThrownBy(() -> codec("Array(String)", new Of<List<Optional<String>>>() { }.type()))
                .hasMessageContaining("java.util.Optional<java.lang.String> cannot hold String");
    }

    @Test
    void jsonTakesOnlyMapsOfStringToAnything() {
        assertThat(roundTrip("json_simple", new Of<Map<String, Object>>() { }.type()))
                .isEqualTo(Map.of("a", 1L, "b", "x"));
        assertThat(roundTrip("json_simple", new Of<Map<?, ?>>() { }.type())).isEqualTo(Map.of("a", 1L, "b", "x"));
        assertThatThrownBy(() -> codec("JSON", new Of<Map<String, Long>>() { }.type()))
                .hasMessageStartingWith("cannot map ClickHouse type JSON to Java type "
                        + "java.util.Map<java.lang.String, java.lang.Long>; supported: Map<String, Object>");
    }

    @Test
    void elementValuesAreRangeCheckedOnWrite() {
        ValueCodec<?> codec = codec("Array(UInt16)", new Of<List<Integer>>() { }.type());
        assertThatThrownBy(() -> RowBinaryOutput.toBytes(o -> codec.write(o, List.of(1, 65536))))
                .isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("value 65536 does not fit ClickHouse type UInt16");
    }

    @Test
    void rawClassesAndTypeVariablesBehaveAsTheClassOverload() {
        assertThat(roundTrip("array_uint8", List.class)).isEqualTo(List.of((short) 1, (short) 2, (short) 3));
        assertThat(roundTrip("array_uint8", new Holder<Integer>().variable())).isEqualTo(List.of((short) 1, (short) 2,
                (short) 3));
        assertThatThrownBy(() -> codec("UInt32", int.class))
                .hasMessage("cannot map ClickHouse type UInt32 to Java type int; supported: long, BigInteger");
    }

    /** A generic class whose field type is a type variable: read as the default Java type. */
    static final class Holder<T> {
        T value;

        Type variable() {
            try {
                return Holder.class.getDeclaredField("value").getGenericType();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
