package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.type.ClickHouseType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of golden/rowbinary/values.tsv (bytes and text from chDB 26.5): parse the type and print it back,
 * decode the bytes in the default Java mapping, compare with the engine's own text rendering, re-encode and
 * compare the bytes. Lines that cannot take one of the steps are listed below with the reason.
 */
class RowBinaryGoldenTests {

    /** Lines whose decoded value does not render to the engine's text, and why. */
    static final Map<String, String> TEXT_EXCEPTIONS = Map.of(
            "string_invalid_utf8", "String → java.lang.String replaces invalid UTF-8; checked as byte[] instead",
            "string_invalid_utf8_truncated", "String → java.lang.String replaces invalid UTF-8; checked as byte[]");

    /** Lines whose re-encoded bytes differ from the engine's, and why. */
    static final Map<String, String> ENCODE_EXCEPTIONS = Map.of(
            "string_invalid_utf8", "the decoded String holds U+FFFD; the byte[] mapping round-trips (checked)",
            "string_invalid_utf8_truncated", "the decoded String holds U+FFFD; the byte[] mapping round-trips");

    static Stream<GoldenFiles.Value> values() {
        return GoldenFiles.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void decodesRendersAndReencodes(GoldenFiles.Value v) {
        ClickHouseType type = ClickHouseType.parse(v.type());
        assertThat(type.toString()).as("canonical type name").isEqualTo(v.type());
        CodecOptions options = CodecOptions.DEFAULT.withJsonAsString(
                v.expression().contains("output_format_binary_write_json_as_string = 1"));
        ValueCodec<Object> codec = RowBinaryCodecs.codec(type, Object.class, options);

        RowBinaryInput in = RowBinaryInput.of(v.bytes());
        Object value = codec.read(in);
        assertThat(in.isAtEnd()).as("all bytes consumed").isTrue();

        if (TEXT_EXCEPTIONS.containsKey(v.id())) {
            ValueCodec<byte[]> raw = RowBinaryCodecs.codec(type, byte[].class);
            byte[] bytes = raw.read(RowBinaryInput.of(v.bytes()));
            assertThat(bytes).isEqualTo(v.text());
            assertThat(RowBinaryOutput.toBytes(o -> raw.write(o, bytes))).isEqualTo(v.bytes());
        } else {
            assertThat(new String(EngineText.render(type, value), StandardCharsets.UTF_8)).as("engine text")
                    .isEqualTo(new String(v.text(), StandardCharsets.UTF_8));
            assertThat(EngineText.render(type, value)).isEqualTo(v.text());
        }
        if (!ENCODE_EXCEPTIONS.containsKey(v.id())) {
            assertThat(RowBinaryOutput.toBytes(o -> codec.write(o, value))).as("re-encoded bytes").isEqualTo(v.bytes());
        }
    }
}
