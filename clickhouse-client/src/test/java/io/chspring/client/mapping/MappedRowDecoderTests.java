package io.chspring.client.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.rowbinary.RowBinaryOutput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rows composed of golden 18.16 RowBinary values, read into records and POJOs, and written back to the same bytes. */
class MappedRowDecoderTests {

    enum Level { low, mid, high }

    record Event(long id, int count, byte small, short medium, float ratio, double score, String name, Integer maybe,
            List<Short> tags, LocalDate day, Instant at, UUID uuid, BigDecimal amount, Level level, String label,
            List<Object> pair) {
    }

    private static final String[] EVENT_ROW = {
        "id", "uint64_typical", "count", "int32_typical", "small", "int8_min", "medium", "int16_typical",
        "ratio", "float32_typical", "score", "float64_one_third", "name", "string_cyrillic",
        "maybe", "nullable_int32_value", "tags", "array_uint8", "day", "date_leap_day", "at", "datetime_tz_utc",
        "uuid", "uuid_typical", "amount", "decimal_9_2_trailing_zero", "level", "enum16_mid",
        "label", "lowcardinality_string", "pair", "tuple_int8_string"};

    private static final Event EXPECTED = new Event(81985529216486895L, -123456789, (byte) -128, (short) 4660, -1.5f,
            1.0 / 3, "привет", -5, List.of((short) 1, (short) 2, (short) 3), LocalDate.of(2024, 2, 29),
            Instant.parse("2024-02-29T12:34:56Z"), UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"),
            new BigDecimal("1.50"), Level.mid, "abc", List.of((byte) -1, "a"));

    @Test
    void readsARecordFromServerBytesAndWritesTheSameBytes() {
        Golden.Row row = Golden.row(EVENT_ROW);
        MappedRowDecoder<Event> decoder = MappedRowDecoder.of(RowType.of(Event.class), row.columns(), MappingOptions.DEFAULT);
        RowBinaryInput in = RowBinaryInput.of(row.bytes());
        assertThat(decoder.read(in)).isEqualTo(EXPECTED);
        assertThat(in.hasMore()).isFalse();

        MappedRowEncoder<Event> encoder = MappedRowEncoder.of(RowType.of(Event.class), row.table(), MappingOptions.DEFAULT);
        assertThat(encoder.columnNames()).containsExactly("id", "count", "small", "medium", "ratio", "score", "name",
                "maybe", "tags", "day", "at", "uuid", "amount", "level", "label", "pair");
        assertThat(RowBinaryOutput.toBytes(out -> encoder.write(out, EXPECTED))).isEqualTo(row.bytes());
    }

    @Test
    void readsColumnsInAnotherOrderThanTheClass() {
        Golden.Row row = Golden.row("name", "string_ascii", "maybe", "nullable_int32_null", "count", "int32_max",
                "id", "uint64_zero", "score", "float64_point_one");
        MappedRowDecoder<Event> decoder = MappedRowDecoder.of(RowType.of(Event.class), row.columns(),
                MappingOptions.DEFAULT.withValidateSchema(false));
        Event e = decoder.read(RowBinaryInput.of(row.bytes()));
        assertThat(e.name()).isEqualTo("hello");
        assertThat(e.maybe()).isNull();
        assertThat(e.count()).isEqualTo(Integer.MAX_VALUE);
        assertThat(e.id()).isZero();
        assertThat(e.score()).isEqualTo(0.1);
        assertThat(e.tags()).isNull();
    }

    static class Visit {
        private long id;
        private String page = "unset";
        private int status = -1;
        private transient int reads;

        private Visit() {
        }
    }

    @Test
    void readsPojoFieldsThroughPrivateConstructorAndFieldsAndLeavesMissingOnesAlone() {
        Golden.Row row = Golden.row("status", "uint16_typical", "id", "int64_minus_one", "extra", "array_string");
        MappedRowDecoder<Visit> decoder = MappedRowDecoder.of(RowType.of(Visit.class), row.columns(),
                MappingOptions.DEFAULT.withValidateSchema(false));
        RowBinaryInput in = RowBinaryInput.of(row.bytes());
        Visit v = decoder.read(in);
        assertThat(in.hasMore()).as("the unmapped column was consumed").isFalse();
        assertThat(v.id).isEqualTo(-1);
        assertThat(v.status).isEqualTo(4660);
        assertThat(v.page).isEqualTo("unset");
    }

    @Test
    void manyRowsFromOneStream() {
        Golden.Row one = Golden.row("id", "int64_typical", "page", "string_emoji", "status", "uint16_max");
        byte[] three = new byte[one.bytes().length * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(one.bytes(), 0, three, i * one.bytes().length, one.bytes().length);
        }
        MappedRowDecoder<Visit> decoder = MappedRowDecoder.of(RowType.of(Visit.class), one.columns(), MappingOptions.DEFAULT);
        RowBinaryInput in = RowBinaryInput.of(three);
        int n = 0;
        while (in.hasMore()) {
            Visit v = decoder.read(in);
            assertThat(v.page).isEqualTo("😀👍🏽");
            assertThat(v.status).isEqualTo(65535);
            n++;
        }
        assertThat(n).isEqualTo(3);
    }

    record Narrow(int value) {
    }

    @Test
    void aValueThatDoesNotFitNamesTheColumn() {
        Golden.Row row = Golden.row("value", "int8_max");
        MappedRowDecoder<Narrow> decoder = MappedRowDecoder.of(RowType.of(Narrow.class), row.columns(), MappingOptions.DEFAULT);
        assertThat(decoder.read(RowBinaryInput.of(row.bytes())).value()).isEqualTo(127);
        RowBinaryInput truncated = RowBinaryInput.of(new byte[0]);
        assertThatThrownBy(() -> decoder.read(truncated)).isInstanceOf(RuntimeException.class);
    }

    record Checked(int value) {
        Checked {
            if (value < 0) {
                throw new IllegalArgumentException("negative");
            }
        }
    }

    @Test
    void aRefusingConstructorNamesTheClass() {
        Golden.Row row = Golden.row("value", "int32_minus_one");
        MappedRowDecoder<Checked> decoder = MappedRowDecoder.of(RowType.of(Checked.class), row.columns(), MappingOptions.DEFAULT);
        assertThatThrownBy(() -> decoder.read(RowBinaryInput.of(row.bytes())))
                .hasMessageContaining("Checked").hasMessageContaining("negative")
                .isNotInstanceOf(ClickHouseSchemaException.class);
    }

    static final class Point {
        private final double x;
        private final long y;
        private String label;

        @RowConstructor
        private Point(double x, long y) {
            this.x = x;
            this.y = y;
        }
    }

    @Test
    void constructorParametersAndFieldsTogether() {
        Golden.Row row = Golden.row("label", "string_latin1_umlaut", "y", "int64_min", "x", "float64_lowest");
        MappedRowDecoder<Point> decoder = MappedRowDecoder.of(RowType.of(Point.class), row.columns(), MappingOptions.DEFAULT);
        Point p = decoder.read(RowBinaryInput.of(row.bytes()));
        assertThat(p.x).isEqualTo(-Double.MAX_VALUE);
        assertThat(p.y).isEqualTo(Long.MIN_VALUE);
        assertThat(p.label).isEqualTo("Grüße");
        MappedRowEncoder<Point> encoder = MappedRowEncoder.of(RowType.of(Point.class), row.table(), MappingOptions.DEFAULT);
        assertThat(encoder.columnNames()).containsExactly("x", "y", "label");
        assertThat(RowBinaryOutput.toBytes(out -> encoder.write(out, p))).isEqualTo(Golden.row("x", "float64_lowest",
                "y", "int64_min", "label", "string_latin1_umlaut").bytes());
    }
}
