package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseColumn;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of golden/rowbinary/names_and_types.tsv (RowBinaryWithNamesAndTypes from chDB 26.5): read the header
 * (type strings, or the binary type encoding where the query asked for it) and all rows, then write header and
 * rows again and compare the bytes.
 */
class NamesAndTypesGoldenTests {

    /** Headers we refuse on purpose, and why. */
    static final Map<String, String> UNSUPPORTED = Map.of(
            "binary_type_aggregatefunction_sum_uint64", "AggregateFunction states have no portable RowBinary form",
            "binary_type_simpleaggregatefunction_sum_uint64",
            "the binary encoding of SimpleAggregateFunction carries function parameters as encoded Fields, which"
                    + " we do not decode; its string form is supported");

    static Stream<GoldenFiles.Query> queries() {
        return GoldenFiles.queries().stream();
    }

    record Result(List<ClickHouseColumn> columns, List<Object[]> rows) {
    }

    static Result decode(GoldenFiles.Query q) {
        RowBinaryInput in = RowBinaryInput.of(q.bytes());
        List<ClickHouseColumn> columns = RowBinaryHeader.read(in, binaryTypes(q));
        RowReader reader = new RowReader(columns, options(q));
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row = reader.next(in); row != null; row = reader.next(in)) {
            rows.add(row);
        }
        return new Result(columns, rows);
    }

    private static boolean binaryTypes(GoldenFiles.Query q) {
        return q.query().contains("output_format_binary_encode_types_in_binary_format = 1");
    }

    private static CodecOptions options(GoldenFiles.Query q) {
        return CodecOptions.DEFAULT.withJsonAsString(q.query().contains("output_format_binary_write_json_as_string = 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void readsAndRewritesHeaderAndRows(GoldenFiles.Query q) {
        if (UNSUPPORTED.containsKey(q.id())) {
            assertThatThrownBy(() -> decode(q)).isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("unsupported");
            return;
        }
        Result r = decode(q);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RowBinaryOutput out = new RowBinaryOutput(bytes);
        RowBinaryHeader.write(out, r.columns(), binaryTypes(q));
        RowWriter writer = new RowWriter(r.columns(), options(q));
        for (Object[] row : r.rows()) {
            writer.write(out, row);
        }
        out.flush();
        assertThat(bytes.toByteArray()).isEqualTo(q.bytes());
    }

    private static GoldenFiles.Query query(String id) {
        return GoldenFiles.queries().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eventRowHasNamesTypesAndValues() {
        Result r = decode(query("event_row"));
        assertThat(r.columns()).extracting(ClickHouseColumn::toString).startsWith("event_id UInt64",
                "ts DateTime64(3, 'UTC')", "event_type LowCardinality(String)", "user_id UUID", "url String",
                "ip IPv4", "referrer Nullable(String)", "duration_ms Float64", "tags Array(String)",
                "props Map(String, String)");
        assertThat(r.rows()).hasSize(1);
        Object[] row = r.rows().get(0);
        assertThat(row[0]).isEqualTo(BigInteger.valueOf(1001));
        assertThat(row[1]).isEqualTo(Instant.parse("2024-02-29T12:34:56.789Z"));
        assertThat(row[2]).isEqualTo("click");
        assertThat(row[6]).isNull();
        assertThat(row[7]).isEqualTo(12.5);
        assertThat(row[8]).isEqualTo(List.of("tag1", "tag2"));
        assertThat(row[9]).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void threeRowsEndCleanly() {
        Result r = decode(query("three_rows"));
        assertThat(r.rows()).hasSize(3);
        assertThat(r.rows().get(1)).containsExactly(BigInteger.ONE, "1", null, "1");
        assertThat(r.rows().get(2)).containsExactly(BigInteger.TWO, "2", BigInteger.valueOf(20), "0");
    }

    @Test
    void oddColumnNamesSurvive() {
        assertThat(decode(query("weird_column_names")).columns()).extracting(ClickHouseColumn::name)
                .containsExactly("weird name", "ключ", "a.b", "tab\there");
    }

    @Test
    void emptyResultHasHeaderOnly() {
        Result r = decode(query("empty_result"));
        assertThat(r.columns()).hasSize(3);
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void binaryEncodedTypesMatchTheirNames() {
        assertThat(decode(query("binary_type_json_max_dynamic_paths_10_a_uint32_skip_b_skip_regexp_c")).columns()
                .get(0).type()).hasToString("JSON(max_dynamic_paths=10, a UInt32, SKIP b, SKIP REGEXP 'c.*')");
        assertThat(decode(query("binary_type_datetime64_9_utc")).columns().get(0).type())
                .hasToString("DateTime64(9, 'UTC')");
        assertThat(decode(query("binary_type_time64_6")).columns().get(0).type()).hasToString("Time64(6)");
        assertThat(decode(query("binary_type_point")).columns().get(0).type()).hasToString("Point");
    }
}
