package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RowBinaryOutput#writeString} against the JDK's own UTF-8 encoder, at every buffer offset. */
class RowBinaryOutputTests {

    /** A length prefix (unsigned LEB128) and the JDK's UTF-8 bytes: what the server reads as a String. */
    private static byte[] expected(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = utf8.length;
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        out.writeBytes(utf8);
        return out.toByteArray();
    }

    private static byte[] written(String s, int bufferSize, int before) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RowBinaryOutput out = new RowBinaryOutput(bytes, bufferSize);
        for (int i = 0; i < before; i++) {
            out.writeByte(0x5A);
        }
        out.writeString(s);
        out.flush();
        byte[] all = bytes.toByteArray();
        return java.util.Arrays.copyOfRange(all, before, all.length);
    }

    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of("", "a", "https://shop.example.com/products/42",
                "x".repeat(127), "y".repeat(128), "z".repeat(300), "é", "Łódź", "ÿ\u0080\u00ff",
                "\u0141A", "\u0100\u0161", "日本語のテキスト", "emoji 😀 and 👍🏽", "😀".repeat(70),
                "lone high \ud83d end", "lone low \ude00 mid", "\ud83d", "\ude00\ud83d", "ab\ud83d",
                "mixed ascii then 中 then more ascii " + "q".repeat(90)));
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            int length = random.nextInt(i % 3 == 0 ? 400 : 140);
            StringBuilder sb = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                int kind = random.nextInt(10);
                sb.append(kind < 6 ? (char) (0x20 + random.nextInt(0x5F))
                        : kind < 8 ? (char) (0x80 + random.nextInt(0x780))
                        : (char) random.nextInt(0x10000)); // includes unpaired and paired surrogates
            }
            samples.add(sb.toString());
        }
        return samples;
    }

    /** Whether {@code s} has a UTF-8 form: no unpaired surrogate, which the JDK would write as '?'. */
    private static boolean hasUtf8Form(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s);
    }

    @Test
    void stringsAreTheJdkUtf8BytesAtEveryOffsetAndBufferSize() {
        for (String s : samples()) {
            for (int bufferSize : new int[] {64, 100, 8192}) {
                for (int before : new int[] {0, 1, 3, 60, 63, 99}) {
                    if (hasUtf8Form(s)) {
                        assertThat(written(s, bufferSize, before)).as("%s (buffer %d, offset %d)", s, bufferSize,
                                before).isEqualTo(expected(s));
                    } else {
                        assertThatThrownBy(() -> written(s, bufferSize, before))
                                .isInstanceOf(ClickHouseSchemaException.class)
                                .hasMessageContaining("unpaired UTF-16 surrogate");
                    }
                }
            }
        }
    }

    @Test
    void anUnpairedSurrogateIsRejectedAndNothingOfTheStringIsWritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RowBinaryOutput out = new RowBinaryOutput(bytes, 64);
        out.writeString("ok");
        assertThatThrownBy(() -> out.writeString("a\ud83db")).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessage("string has an unpaired UTF-16 surrogate \\ud83d at index 1; it has no UTF-8 form and is "
                        + "rejected, not replaced");
        out.flush();
        assertThat(bytes.toByteArray()).containsExactly(2, 'o', 'k');
        assertThat(written("😀", 64, 0)).containsExactly(4, 0xF0 - 256, 0x9F - 256, 0x98 - 256, 0x80 - 256);
    }

    @Test
    void stringsRoundTripThroughTheReader() {
        for (String s : samples()) {
            if (s.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
                byte[] bytes = written(s, 64, 0);
                assertThat(RowBinaryInput.of(bytes).readString()).isEqualTo(s);
            }
        }
    }
}
