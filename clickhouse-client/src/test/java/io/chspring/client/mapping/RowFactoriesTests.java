package io.chspring.client.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.mapping.elsewhere.ElsewhereRow;
import io.chspring.client.rowbinary.RowBinaryInput;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Row objects made by the generated factory class, and by the method handle when no class can be generated. */
class RowFactoriesTests {

    private record Every(long l, int i, short s, byte b, boolean z, char c, double d, float f, String str,
            List<Integer> list, int[] ints, Object any) {
    }

    private static int[] slots(MethodHandle constructor) {
        Slots slots = new Slots();
        int[] result = new int[constructor.type().parameterCount()];
        for (int i = 0; i < result.length; i++) {
            result[i] = slots.allocate(constructor.type().parameterType(i));
        }
        return result;
    }

    @Test
    void aRecordWithEveryPrimitiveKindAndReferences() {
        MethodHandle constructor = RowType.of(Every.class).constructor();
        int[] slots = slots(constructor);
        assertThat(slots).containsExactly(0, 1, 2, 3, 4, 5, 0, 1, 0, 1, 2, 3);
        RowFactories.Factory factory = RowFactories.of(constructor, slots);
        assertThat(factory).isNotNull();
        assertThat(factory.getClass().isHidden()).isTrue();
        int[] ints = {7};
        Object any = new Object();
        long[] longs = {Long.MIN_VALUE, -123456789L, -32768L, -128L, 1L, 0xFFFFL};
        double[] doubles = {1.0 / 3, -1.5};
        Object[] refs = {"привет", List.of(1, 2), ints, any};
        Every e = (Every) factory.create(longs, doubles, refs);
        assertThat(e).isEqualTo(new Every(Long.MIN_VALUE, -123456789, (short) -32768, (byte) -128, true, '\uffff',
                1.0 / 3, -1.5f, "привет", List.of(1, 2), ints, any));
        Every zeroes = (Every) factory.create(new long[6], new double[2], new Object[4]);
        assertThat(zeroes).isEqualTo(new Every(0, 0, (short) 0, (byte) 0, false, '\0', 0, 0, null, null, null, null));
    }

    @Test
    void aWrongReferenceIsACastFailureNotAWrongObject() {
        RowFactories.Factory factory = RowFactories.of(RowType.of(Every.class).constructor(),
                slots(RowType.of(Every.class).constructor()));
        assertThat(factory).isNotNull();
        Object[] refs = {42, null, null, null};
        assertThatThrownBy(() -> factory.create(new long[6], new double[2], refs))
                .isInstanceOf(ClassCastException.class);
    }

    static final class Visit {
        private long id;
        private String page = "unset";
        private int status = -1;

        private Visit() {
        }
    }

    static final class Point {
        private final float x;
        private final short y;
        private String label;

        @RowConstructor
        private Point(float x, short y) {
            this.x = x;
            this.y = y;
        }
    }

    @Test
    void decodersOfPojosUseTheGeneratedClassAndSetTheRestThroughHandles() {
        Golden.Row visit = Golden.row("status", "uint16_typical", "id", "int64_minus_one");
        MappedRowDecoder<Visit> noArg = MappedRowDecoder.of(RowType.of(Visit.class), visit.columns(),
                MappingOptions.DEFAULT.withValidateSchema(false));
        assertThat(noArg.generatedFactory()).as("a private no-arg constructor").isTrue();
        Visit v = noArg.read(RowBinaryInput.of(visit.bytes()));
        assertThat(v.id).isEqualTo(-1);
        assertThat(v.status).isEqualTo(4660);
        assertThat(v.page).isEqualTo("unset");

        Golden.Row point = Golden.row("label", "string_ascii", "y", "int16_typical", "x", "float32_typical");
        MappedRowDecoder<Point> withArgs = MappedRowDecoder.of(RowType.of(Point.class), point.columns(),
                MappingOptions.DEFAULT);
        assertThat(withArgs.generatedFactory()).isTrue();
        Point p = withArgs.read(RowBinaryInput.of(point.bytes()));
        assertThat(p.x).isEqualTo(-1.5f);
        assertThat(p.y).isEqualTo((short) 4660);
        assertThat(p.label).isEqualTo("hello");
    }

    @Test
    void aRecordInAnotherPackage() {
        Golden.Row row = Golden.row("id", "int64_minus_one", "name", "string_ascii");
        MappedRowDecoder<ElsewhereRow> decoder = MappedRowDecoder.of(RowType.of(ElsewhereRow.class), row.columns(),
                MappingOptions.DEFAULT);
        assertThat(decoder.generatedFactory()).isTrue();
        assertThat(decoder.read(RowBinaryInput.of(row.bytes()))).isEqualTo(new ElsewhereRow(-1, "hello"));
    }

    record Pair(long id, String name) {
        static Pair make(long id, String name) {
            return new Pair(id + 1, name);
        }
    }

    @Test
    void aFactoryMethodInsteadOfAConstructorKeepsTheHandle() throws Exception {
        MethodHandle make = MethodHandles.lookup().findStatic(Pair.class, "make",
                MethodType.methodType(Pair.class, long.class, String.class));
        RowType<Pair> type = RowType.builder(Pair.class).constructor(make)
                .property(RowProperty.builder("id", long.class).constructorParameter(0).build())
                .property(RowProperty.builder("name", String.class).constructorParameter(1).build())
                .build();
        Golden.Row row = Golden.row("id", "int64_minus_one", "name", "string_ascii");
        MappedRowDecoder<Pair> decoder = MappedRowDecoder.of(type, row.columns(), MappingOptions.DEFAULT);
        assertThat(decoder.generatedFactory()).isFalse();
        assertThat(decoder.read(RowBinaryInput.of(row.bytes()))).isEqualTo(new Pair(0, "hello"));
    }

    @Test
    void aClassInAPackageNotOpenedToUsKeepsTheHandle() throws Exception {
        // java.base does not open java.util to the unnamed module: no class can be defined there
        @SuppressWarnings("rawtypes")
        Class<AbstractMap.SimpleImmutableEntry> entry = AbstractMap.SimpleImmutableEntry.class;
        MethodHandle constructor = MethodHandles.publicLookup().findConstructor(entry,
                MethodType.methodType(void.class, Object.class, Object.class));
        assertThat(RowFactories.of(constructor, new int[] {0, 1})).isNull();
        @SuppressWarnings("rawtypes")
        RowType<AbstractMap.SimpleImmutableEntry> type = RowType.builder(entry).constructor(constructor)
                .property(RowProperty.builder("k", String.class).constructorParameter(0).build())
                .property(RowProperty.builder("v", String.class).constructorParameter(1).build())
                .build();
        Golden.Row row = Golden.row("k", "string_ascii", "v", "string_cyrillic");
        var decoder = MappedRowDecoder.of(type, row.columns(), MappingOptions.DEFAULT);
        assertThat(decoder.generatedFactory()).isFalse();
        assertThat((Object) decoder.read(RowBinaryInput.of(row.bytes()))).isEqualTo(Map.entry("hello", "привет"));
    }

    @Test
    void aRefusingCompactConstructorStillNamesTheClass() {
        Golden.Row row = Golden.row("value", "int32_minus_one");
        MappedRowDecoder<MappedRowDecoderTests.Checked> decoder = MappedRowDecoder.of(
                RowType.of(MappedRowDecoderTests.Checked.class), row.columns(), MappingOptions.DEFAULT);
        assertThat(decoder.generatedFactory()).isTrue();
        assertThatThrownBy(() -> decoder.read(RowBinaryInput.of(row.bytes())))
                .isExactlyInstanceOf(ClickHouseException.class)
                .isNotInstanceOf(ClickHouseSchemaException.class)
                .hasMessageStartingWith("Creating a " + MappedRowDecoderTests.Checked.class.getName()
                        + " from a row failed: java.lang.IllegalArgumentException: negative")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
