package io.chspring.client.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.sql.SqlScriptSplitter.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptSplitterTests {

    private static List<String> sql(String script) {
        return SqlScriptSplitter.split(script).stream().map(Statement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsAndDropsEmptyPieces() {
        assertThat(sql("CREATE TABLE a (x UInt8) ENGINE = Memory;\n\nINSERT INTO a VALUES (1);;  ;\n"))
                .containsExactly("CREATE TABLE a (x UInt8) ENGINE = Memory", "INSERT INTO a VALUES (1)");
    }

    @Test
    void lastStatementNeedsNoSemicolon() {
        assertThat(sql("SELECT 1;\nSELECT 2")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void semicolonsInStringsStay() {
        assertThat(sql("INSERT INTO t VALUES ('a;b', 'it''s; fine', 'back\\'slash;'); SELECT 2"))
                .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine', 'back\\'slash;')", "SELECT 2");
    }

    @Test
    void backslashBeforeTheClosingQuoteOfAnotherKind() {
        assertThat(sql("SELECT 'a\\\\'; SELECT 'b'")).containsExactly("SELECT 'a\\\\'", "SELECT 'b'");
    }

    @Test
    void semicolonsInQuotedIdentifiersStay() {
        assertThat(sql("CREATE TABLE `we;ird` (\"c;1\" UInt8, `x``;y` UInt8) ENGINE = Memory; SELECT 1"))
                .containsExactly("CREATE TABLE `we;ird` (\"c;1\" UInt8, `x``;y` UInt8) ENGINE = Memory", "SELECT 1");
    }

    @Test
    void lineCommentsAreDroppedWithTheirSemicolonsAndQuotes() {
        assertThat(sql("-- first; it's a comment\nSELECT 1 -- trailing; 'quote\n;\n# hash; comment\nSELECT 2;\n"
                + "#! shebang;\nSELECT 3"))
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void hashWithoutASpaceIsNotAComment() {
        assertThat(sql("SELECT a#b FROM t; SELECT 2")).containsExactly("SELECT a#b FROM t", "SELECT 2");
    }

    @Test
    void blockCommentsNestAndHideSemicolons() {
        assertThat(sql("SELECT /* a; /* nested; */ still; 'not a string */ 1; SELECT 2"))
                .containsExactly("SELECT   1", "SELECT 2");
    }

    @Test
    void aCommentBetweenTokensKeepsThemApart() {
        assertThat(sql("SELECT/**/1")).containsExactly("SELECT 1");
    }

    @Test
    void commentMarkersInsideStringsAreText() {
        assertThat(sql("SELECT '-- no', '/* no */', '# no'; SELECT \"--\"")).containsExactly(
                "SELECT '-- no', '/* no */', '# no'", "SELECT \"--\"");
    }

    @Test
    void heredocsHideSemicolonsButPlaceholdersAreNoHeredoc() {
        assertThat(sql("SELECT $$a;b$$, $tag$x;$$;y$tag$; SELECT '${database}'; SELECT ${x}"))
                .containsExactly("SELECT $$a;b$$, $tag$x;$$;y$tag$", "SELECT '${database}'", "SELECT ${x}");
    }

    @Test
    void onlyCommentsIsNoStatement() {
        assertThat(sql("-- nothing\n/* here */\n# at all\n;\n")).isEmpty();
        assertThat(sql("   \n")).isEmpty();
    }

    @Test
    void linesAreWhereTheStatementStarts() {
        List<Statement> statements = SqlScriptSplitter.split(
                "-- header\n\nCREATE TABLE a\n(x UInt8)\nENGINE = Memory;\n/* two\nlines */ SELECT 'a\nb';\n\n"
                        + "SELECT 3");
        assertThat(statements).extracting(Statement::line).containsExactly(3, 7, 10);
        // column of the first character after the block comment "/* two\nlines */ " on line 7: 'S' at 10
        assertThat(statements).extracting(Statement::column).containsExactly(1, 10, 1);
        assertThat(statements).extracting(Statement::offset).containsExactly(11, 69, 84);
        assertThat(statements.get(0).firstLine()).isEqualTo("CREATE TABLE a");
    }

    @Test
    void unterminatedPartsAreErrorsNamingTheLine() {
        assertThatThrownBy(() -> SqlScriptSplitter.split("SELECT 1;\nSELECT 'open"))
                .hasMessage("A string literal opened on line 2 is not closed");
        assertThatThrownBy(() -> SqlScriptSplitter.split("SELECT `open"))
                .hasMessage("A quoted identifier ` opened on line 1 is not closed");
        assertThatThrownBy(() -> SqlScriptSplitter.split("\n\nSELECT /* /* */ 1"))
                .hasMessage("A comment /* opened on line 3 is not closed");
        assertThatThrownBy(() -> SqlScriptSplitter.split("SELECT $x$ 1"))
                .hasMessage("A heredoc $x$ opened on line 1 is not closed");
    }

    @Test
    void columnsCountFromTheLineStartAndStatementsSharingALineHaveTheirOwn() {
        List<Statement> statements = SqlScriptSplitter.split("SELECT 1;  SELECT 2; /* c */ `q;` ;\n  'x'");
        assertThat(statements).extracting(Statement::sql).containsExactly("SELECT 1", "SELECT 2", "`q;`", "'x'");
        assertThat(statements).extracting(Statement::line).containsExactly(1, 1, 1, 2);
        assertThat(statements).extracting(Statement::column).containsExactly(1, 12, 30, 3);
    }

    @Test
    void crLfScriptsSplitTheSame() {
        assertThat(sql("SELECT 1;\r\n-- c\r\nSELECT 2;\r\n")).containsExactly("SELECT 1", "SELECT 2");
    }
}
