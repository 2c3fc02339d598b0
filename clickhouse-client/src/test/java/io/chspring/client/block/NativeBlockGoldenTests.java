package io.chspring.client.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.RowBinaryInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Decodes {@code FORMAT Native} output captured from the real engines (tools/native-golden: ClickHouse 18.16 over
 * HTTP, chDB 26.5 in process) and checks it against values written here by hand from the queries in
 * tools/native-golden/cases.tsv. The cases both engines run are checked on both files.
 */
class NativeBlockGoldenTests {

    private static byte[] golden(String engine, String id) {
        String path = "/golden/native/" + engine + "/" + id + ".bin";
        try (InputStream in = NativeBlockGoldenTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Block> decode(InputStream in) {
        NativeBlockReader reader = new NativeBlockReader(new RowBinaryInput(in, 64), CodecOptions.DEFAULT);
        List<Block> blocks = new ArrayList<>();
        while (reader.hasNext()) {
            blocks.add(reader.next());
        }
        return blocks;
    }

    private static List<Block> decode(String engine, String id) {
        return decode(new ByteArrayInputStream(golden(engine, id)));
    }

    private static Block only(String engine, String id) {
        List<Block> blocks = decode(engine, id);
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.16", "26.5"})
    void numbersArePrimitiveArraysUnsignedWidened(String engine) {
        Block block = only(engine, "numbers");
        assertThat(block.rows()).isEqualTo(1);
        assertThat(block.schema().toString()).isEqualTo("[i8 Int8, u8 UInt8, i16 Int16, u16 UInt16, i32 Int32, "
                + "u32 UInt32, i64 Int64, u64 UInt64, f32 Float32, f64 Float64]");
        assertThat(((ByteColumn) block.column("i8")).values()).containsExactly((byte) -1);
        assertThat(((ShortColumn) block.column("u8")).values()).containsExactly((short) 255);
        assertThat(((ShortColumn) block.column("i16")).values()).containsExactly((short) -2);
        assertThat(((IntColumn) block.column("u16")).values()).containsExactly(65535);
        assertThat(((IntColumn) block.column("i32")).values()).containsExactly(-3);
        assertThat(((LongColumn) block.column("u32")).values()).containsExactly(4294967295L);
        assertThat(((LongColumn) block.column("i64")).values()).containsExactly(-4L);
        LongColumn u64 = (LongColumn) block.column("u64");
        assertThat(u64.values()).containsExactly(-1L);
        assertThat(u64.isUnsigned()).isTrue();
        assertThat(u64.value(0)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(((FloatColumn) block.column("f32")).values()).containsExactly(1.5f);
        assertThat(((DoubleColumn) block.column("f64")).values()).containsExactly(-2.25);
        assertThat(block.column("i8").hasNulls()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.16", "26.5"})
    void scalarObjectsUseTheRowApisJavaTypes(String engine) {
        Block block = only(engine, "scalars");
        assertThat(((ObjectColumn) block.column("s")).values()).containsExactly("héllo");
        assertThat((byte[]) ((ObjectColumn) block.column("fs")).get(0)).containsExactly('a', 'b', 0);
        assertThat(block.column("d").value(0)).isEqualTo(new BigDecimal("12.345"));
        assertThat(block.column("u").value(0)).isEqualTo(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));
        assertThat(block.column("dt").value(0)).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(block.column("ts").value(0)).isEqualTo(Instant.parse("2021-03-04T05:06:07Z"));
        assertThat(block.column("e").value(0)).isEqualTo("b");
        assertThat(((ObjectColumn) block.column("e")).get(0, String.class)).isEqualTo("b");
        assertThatThrownBy(() -> ((ObjectColumn) block.column("e")).get(0, Integer.class))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("column 'e'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.16", "26.5"})
    void nullableColumnsHaveTheirNullsInABitSet(String engine) {
        Block block = only(engine, "nullable");
        assertThat(block.rows()).isEqualTo(3);
        ShortColumn n = (ShortColumn) block.column("n");
        assertThat(n.type().toString()).isEqualTo("Nullable(UInt8)");
        assertThat(n.values()).containsExactly((short) 1, (short) 0, (short) 3);
        BitSet expected = new BitSet();
        expected.set(1);
        assertThat(n.nulls()).isEqualTo(expected);
        assertThat(n.isNull(1)).isTrue();
        assertThat(n.value(1)).isNull();
        assertThat(n.value(2)).isEqualTo((short) 3);
        ObjectColumn s = (ObjectColumn) block.column("s");
        assertThat(s.values()).containsExactly("1", null, "3");
        assertThat(s.nulls()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.16", "26.5"})
    void arraysAreOffsetsOverFlattenedElementsAndTuplesAColumnPerElement(String engine) {
        Block block = only(engine, "nested");
        ArrayColumn aa = (ArrayColumn) block.column("aa");
        assertThat(aa.size()).isEqualTo(1);
        assertThat(aa.offsets()).containsExactly(0, 3);
        ArrayColumn inner = (ArrayColumn) aa.elements();
        assertThat(inner.name()).isEqualTo("aa.elements");
        assertThat(inner.offsets()).containsExactly(0, 2, 2, 3);
        assertThat(((ShortColumn) inner.elements()).values()).containsExactly((short) 1, (short) 2, (short) 3);
        assertThat(aa.value(0)).isEqualTo(List.of(List.of((short) 1, (short) 2), List.of(), List.of((short) 3)));
        ArrayColumn an = (ArrayColumn) block.column("an");
        assertThat(an.value(0)).isEqualTo(Arrays.asList("x", null));
        assertThat(an.elements().isNull(1)).isTrue();
        TupleColumn t = (TupleColumn) block.column("t");
        assertThat(t.elements()).hasSize(2);
        assertThat(((ShortColumn) t.element(0)).values()).containsExactly((short) 1);
        assertThat(t.element(1).name()).isEqualTo("t.2");
        assertThat(t.value(0)).isEqualTo(List.of((short) 1, "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.16", "26.5"})
    void lowCardinalityDictionariesAreDecoded(String engine) {
        Block block = only(engine, "lowcard");
        assertThat(block.rows()).isEqualTo(4);
        ObjectColumn l = (ObjectColumn) block.column("l");
        assertThat(l.type().toString()).isEqualTo("LowCardinality(String)");
        assertThat(l.values()).containsExactly("0", "1", "2", "0");
        assertThat(l.hasNulls()).isFalse();
        ObjectColumn ln = (ObjectColumn) block.column("ln");
        assertThat(ln.type().toString()).isEqualTo("LowCardinality(Nullable(String))");
        assertThat(ln.values()).containsExactly("0", null, "2", "3");
        assertThat(ln.nulls().stream().toArray()).containsExactly(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.16", "26.5"})
    void blocksComeAsTheServerSentThem(String engine) {
        List<Block> blocks = decode(engine, "blocks");
        assertThat(blocks).extracting(Block::rows).containsExactly(2, 2, 1);
        assertThat(((LongColumn) blocks.get(1).column("n")).values()).containsExactly(2L, 3L);
        assertThat(((ObjectColumn) blocks.get(2).column("s")).values()).containsExactly("4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.16", "26.5"})
    void anEmptyResultIsNoBlockAtAll(String engine) {
        assertThat(golden(engine, "empty")).isEmpty();
        assertThat(decode(engine, "empty")).isEmpty();
    }

    @Test
    void modernTypes() throws Exception {
        Block block = only("26.5", "modern");
        assertThat(block.column("i128").value(0)).isEqualTo(BigInteger.valueOf(-5));
        assertThat(block.column("u256").value(0)).isEqualTo(BigInteger.valueOf(7));
        assertThat(((BooleanColumn) block.column("b")).values()).containsExactly(true);
        assertThat(block.column("d32").value(0)).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(block.column("dt64").value(0)).isEqualTo(Instant.parse("2021-03-04T05:06:07.123Z"));
        assertThat(block.column("v4").value(0)).isEqualTo(InetAddress.getByName("1.2.3.4"));
        assertThat(block.column("v6").value(0)).isEqualTo(InetAddress.getByName("::1"));
        assertThat(((FloatColumn) block.column("bf")).values()).containsExactly(1.5f);
        MapColumn m = (MapColumn) block.column("m");
        assertThat(m.offsets()).containsExactly(0, 2);
        assertThat(((ObjectColumn) m.keys()).values()).containsExactly("a", "b");
        assertThat(((ShortColumn) m.values()).values()).containsExactly((short) 1, (short) 2);
        assertThat(m.value(0)).isEqualTo(Map.of("a", (short) 1, "b", (short) 2));
        TupleColumn p = (TupleColumn) block.column("p");
        assertThat(p.type().toString()).isEqualTo("Point");
        assertThat(((DoubleColumn) p.element(0)).values()).containsExactly(1.5);
        assertThat(((DoubleColumn) p.element(1)).values()).containsExactly(2.5);
    }

    @Test
    void variantNothingAndEmptyArrays() {
        Block block = only("26.5", "variant");
        assertThat(block.rows()).isEqualTo(3);
        ObjectColumn v = (ObjectColumn) block.column("v");
        assertThat(v.values()).containsExactly(BigInteger.ONE, "x", null);
        assertThat(v.nulls().stream().toArray()).containsExactly(2);
        ObjectColumn n = (ObjectColumn) block.column("n");
        assertThat(n.type().toString()).isEqualTo("Nullable(Nothing)");
        assertThat(n.values()).containsExactly(null, null, null);
        assertThat(n.nulls().cardinality()).isEqualTo(3);
        ArrayColumn e = (ArrayColumn) block.column("e");
        assertThat(e.offsets()).containsExactly(0, 0, 0, 0);
        assertThat(e.value(2)).isEmpty();
    }

    @Test
    void lowCardinalityInsideArraysTuplesAndMapsHasItsPrefixBeforeTheOffsets() {
        Block block = only("26.5", "lcnested");
        ArrayColumn al = (ArrayColumn) block.column("al");
        assertThat(al.type().toString()).isEqualTo("Array(LowCardinality(String))");
        assertThat(((ObjectColumn) al.elements()).values()).containsExactly("a", "b");
        TupleColumn tl = (TupleColumn) block.column("tl");
        assertThat(tl.value(0)).isEqualTo(List.of("x", (short) 1));
        MapColumn ml = (MapColumn) only("26.5", "lcmap").column("ml");
        assertThat(ml.type().toString()).isEqualTo("Map(LowCardinality(String), Nullable(String))");
        assertThat(((ObjectColumn) ml.keys()).values()).containsExactly("k", "j");
        assertThat(((ObjectColumn) ml.values()).values()).containsExactly("v", null);
        assertThat(ml.values().nulls().stream().toArray()).containsExactly(1);
    }

    @Test
    void eighteenSixteenDropsLowCardinalityInsideArraysAndTuples() {
        Block block = only("18.16", "lcnested");
        assertThat(block.schema().toString()).isEqualTo("[al Array(String), tl Tuple(String, UInt8)]");
        assertThat(block.column("al").value(0)).isEqualTo(List.of("a", "b"));
    }

    @Test
    void timeIntervalWideDecimalEnum16AndNullableUuid() {
        Block block = only("26.5", "others");
        assertThat(block.column("t").value(0)).isEqualTo(Duration.ofSeconds(12 * 3600 + 34 * 60 + 56));
        assertThat(block.column("t64").value(0)).isEqualTo(Duration.ofMillis(-3_723_456));
        assertThat(((LongColumn) block.column("iv")).values()).containsExactly(3L);
        assertThat(block.column("d128").value(0)).isEqualTo(new BigDecimal("-1.50"));
        assertThat(block.column("e16").value(0)).isEqualTo("y");
        assertThat(block.column("nu").value(0)).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(block.column("nu").hasNulls()).isFalse();
    }

    @Test
    void simpleAggregateFunctionGeoAndNestedReadByTheirLayoutAndReportTheirOwnType() {
        Block block = only("26.5", "aliases");
        LongColumn s = (LongColumn) block.column("s");
        assertThat(s.type().toString()).isEqualTo("SimpleAggregateFunction(sum, UInt64)");
        assertThat(s.values()).containsExactly(5L);
        assertThat(s.isUnsigned()).isTrue();
        ArrayColumn r = (ArrayColumn) block.column("r");
        assertThat(r.type().toString()).isEqualTo("Ring");
        assertThat(r.offsets()).containsExactly(0, 2);
        TupleColumn points = (TupleColumn) r.elements();
        assertThat(points.type().toString()).isEqualTo("Point");
        assertThat(((DoubleColumn) points.element(0)).values()).containsExactly(0.0, 1.0);
        assertThat(((DoubleColumn) points.element(1)).values()).containsExactly(0.0, 0.0);
        ArrayColumn n = (ArrayColumn) block.column("n");
        assertThat(n.type().toString()).isEqualTo("Nested(x UInt8, y String)");
        TupleColumn nested = (TupleColumn) n.elements();
        assertThat(nested.element(1).name()).isEqualTo("n.elements.y");
        assertThat(n.value(0)).isEqualTo(List.of(List.of((short) 1, "a")));
    }

    @Test
    void jsonIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> decode("26.5", "json")).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("column 'j' (JSON)").hasMessageContaining("does not read JSON");
    }

    /** Every file decodes to the same values when the stream hands out one byte per read. */
    @ParameterizedTest
    @ValueSource(strings = {"18.16/numbers", "18.16/scalars", "18.16/nullable", "18.16/nested", "18.16/lowcard",
        "18.16/blocks", "26.5/modern", "26.5/variant", "26.5/lcnested", "26.5/lcmap", "26.5/others",
        "26.5/aliases"})
    void everyChunkSplitGivesTheSameValues(String file) {
        String[] parts = file.split("/");
        byte[] bytes = golden(parts[0], parts[1]);
        List<Block> whole = decode(new ByteArrayInputStream(bytes));
        List<Block> trickled = decode(new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        });
        assertThat(values(trickled)).isEqualTo(values(whole)).isNotEmpty();
    }

    private static List<Object> values(List<Block> blocks) {
        List<Object> out = new ArrayList<>();
        for (Block block : blocks) {
            for (BlockColumn column : block.columns()) {
                for (int row = 0; row < block.rows(); row++) {
                    Object v = column.value(row);
                    out.add(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : v);
                }
            }
        }
        return out;
    }

    @Test
    void aStreamCutInsideABlockIsATransportError() {
        byte[] bytes = golden("18.16", "numbers");
        assertThatThrownBy(() -> decode(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 3))))
                .isInstanceOf(ClickHouseTransportException.class).hasMessageContaining("truncated");
    }
}
