package io.chspring.client.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopLevelCommasTests {

    @Test
    void splitsOnlyAtCommasOutsideBracketsAndQuotes() {
        assertThat(TopLevelCommas.split("id UInt64, m Map(String, UInt8), a Array(Tuple(x, y))"))
                .containsExactly("id UInt64", " m Map(String, UInt8)", " a Array(Tuple(x, y))");
        assertThat(TopLevelCommas.split("'c,1', `d,b`, t, [1, 2], 'it\\'s, quoted'"))
                .containsExactly("'c,1'", " `d,b`", " t", " [1, 2]", " 'it\\'s, quoted'");
        assertThat(TopLevelCommas.split("")).containsExactly("");
    }

    @Test
    void unbalancedTextIsRefusedSayingWhere() {
        assertThatThrownBy(() -> TopLevelCommas.split("a UInt8)")).hasMessage("a ')' at position 8 closes nothing");
        assertThatThrownBy(() -> TopLevelCommas.split("a Array(UInt8")).hasMessage("a '(' is not closed");
        assertThatThrownBy(() -> TopLevelCommas.split("'open, b")).hasMessage("a quote is not closed");
    }
}
