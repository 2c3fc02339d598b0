package io.chspring.client.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTests {

    @Test
    void literalsBecomePlaceholdersAndIdentifiersStay() {
        assertThat(QueryText.withoutLiterals(
                "SELECT `user id`, \"name\" FROM t1 WHERE s = 'it''s \\' secret' AND n IN (1, -2.5e-3, 0x1F) "
                        + "AND h = $tag$raw$tag$ AND p = {id:UInt64}", 2000))
                .isEqualTo("SELECT `user id`, \"name\" FROM t1 WHERE s = ? AND n IN (?, -?, ?) AND h = ? AND p = {id:UInt64}");
    }

    @Test
    void commentsAndRunsOfWhitespaceGo() {
        assertThat(QueryText.withoutLiterals("  SELECT 1 -- token=abc\n  /* a /* nested */ comment */ FROM\n\tt  ",
                2000)).isEqualTo("SELECT ? FROM t");
    }

    @Test
    void longTextIsCut() {
        assertThat(QueryText.withoutLiterals("SELECT aaaaaaaaaa FROM t", 10)).isEqualTo("SELECT aaa…");
    }

    @Test
    void theFirstKeywordSkipsCommentsAndParentheses() {
        assertThat(QueryText.firstKeyword(" /* x */ ((select 1))")).isEqualTo("SELECT");
        assertThat(QueryText.firstKeyword("-- c\ninsert into t values")).isEqualTo("INSERT");
        assertThat(QueryText.firstKeyword("42")).isEqualTo("UNKNOWN");
    }
}
