package io.chspring.client.type;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackslashEscapesTests {

    @Test
    void controlEscapesBecomeTheirCharacters() {
        assertThat(BackslashEscapes.unescape("n\\n t\\t r\\r z\\0 a\\a b\\b f\\f v\\v"))
                .isEqualTo("n\n t\t r\r z\0 a\u0007 b\b f\f v\u000b");
    }

    @Test
    void anyOtherEscapedCharacterStandsForItself() {
        assertThat(BackslashEscapes.unescape("x\\'y \\\\ \\` \\q")).isEqualTo("x'y \\ ` q");
    }

    @Test
    void textWithoutEscapesAndALoneTrailingBackslashStayAsTheyAre() {
        String plain = "Enum8('a' = 1)";
        assertThat(BackslashEscapes.unescape(plain)).isSameAs(plain);
        assertThat(BackslashEscapes.unescape("ab\\")).isEqualTo("ab\\");
        assertThat(BackslashEscapes.unescape("")).isEmpty();
    }

    @Test
    void theTypeParserReadsTheSameEscapesInQuotedNames() {
        ClickHouseType e = ClickHouseType.parse("Enum8('t\\tb' = 1, 'q\\'' = 2, 'bell\\a' = 3, 'v\\v' = 4)");
        assertThat(e.names()).containsExactly("t\tb", "q'", "bell\u0007", "v\u000b");
    }
}
