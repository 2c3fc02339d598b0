package io.chspring.client.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlTemplateTests {

    private static String render(String sql, Object... args) {
        return SqlTemplate.parse(sql).render(Arrays.asList(args), null);
    }

    @Test
    void replacesPlaceholdersInOrder() {
        assertThat(render("SELECT * FROM t WHERE a = ? AND b IN ? LIMIT ?", "x", List.of(1, 2), 10))
                .isEqualTo("SELECT * FROM t WHERE a = 'x' AND b IN [1, 2] LIMIT 10");
    }

    @Test
    void ignoresQuestionMarksInStringsIdentifiersAndComments() {
        String sql = "SELECT '?', 'it''s ?', 'a\\'?', \"?\", `?`, `a``?` -- ?\n"
                + "# ?\n#! ?\n/* ? /* nested ? */ ? */ $$ ? $$, $t$ ? $t$, ? FROM t";
        SqlTemplate template = SqlTemplate.parse(sql);
        assertThat(template.placeholderCount()).isEqualTo(1);
        assertThat(template.render(List.of(7), null)).isEqualTo(sql.replace("$t$, ? FROM", "$t$, 7 FROM"));
    }

    @Test
    void hashNotFollowedBySpaceIsNotAComment() {
        assertThat(SqlTemplate.parse("SELECT a#b, ?").placeholderCount()).isEqualTo(1);
    }

    @Test
    void questionMarkAfterBackslashEscapedQuoteIsStillInsideTheString() {
        assertThat(SqlTemplate.parse("SELECT 'a\\\\', ?").placeholderCount()).isEqualTo(1);
        assertThat(SqlTemplate.parse("SELECT 'a\\', ?'").placeholderCount()).isZero();
    }

    @Test
    void rendersFields() {
        SqlTemplate template = SqlTemplate.parse("SELECT ?fields FROM t WHERE id = ?");
        assertThat(template.hasFields()).isTrue();
        assertThat(template.placeholderCount()).isEqualTo(1);
        assertThat(template.render(List.of(1), "`a`, `b`")).isEqualTo("SELECT `a`, `b` FROM t WHERE id = 1");
    }

    @Test
    void fieldsPrefixOfALongerWordIsAPositionalPlaceholder() {
        SqlTemplate template = SqlTemplate.parse("SELECT ?fieldsx");
        assertThat(template.hasFields()).isFalse();
        assertThat(template.render(List.of(1), null)).isEqualTo("SELECT 1fieldsx");
    }

    @Test
    void missingFieldsIsAClearError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SqlTemplate.parse("SELECT ?fields FROM t").render(List.of(), null))
                .withMessage("SQL has ?fields but no field list was given");
    }

    @Test
    void countMismatchNamesBothCounts() {
        SqlTemplate template = SqlTemplate.parse("SELECT ?, ?");
        assertThatIllegalArgumentException().isThrownBy(() -> template.render(List.of(1), null))
                .withMessage("SQL has 2 ? placeholder(s) but 1 value(s) were given");
        assertThatIllegalArgumentException().isThrownBy(() -> template.render(List.of(1, 2, 3), null))
                .withMessage("SQL has 2 ? placeholder(s) but 3 value(s) were given");
        assertThatIllegalArgumentException().isThrownBy(() -> template.render(null, null))
                .withMessage("SQL has 2 ? placeholder(s) but 0 value(s) were given");
    }

    @Test
    void unsupportedValueNamesPlaceholderAndType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> render("SELECT ?, ?", 1, new Object()))
                .withMessageContaining("?2")
                .withMessageContaining("java.lang.Object");
    }

    @Test
    void negativeValueAfterMinusDoesNotOpenAComment() {
        assertThat(render("SELECT 1 -? AND tenant = 7", -1)).isEqualTo("SELECT 1 - -1 AND tenant = 7");
        assertThat(render("SELECT 1 -?", Double.NEGATIVE_INFINITY)).isEqualTo("SELECT 1 - -inf");
        assertThat(render("SELECT 1 - ?", -1)).isEqualTo("SELECT 1 - -1");
    }

    @Test
    void castsAndServerParametersAreLeftAlone() {
        SqlTemplate template = SqlTemplate.parse(
                "SELECT x::UInt8, {id:UInt8}, { name : String }, {e:Enum8('a}'=1)}, {id:UInt8}, ? FROM t");
        assertThat(template.placeholderCount()).isEqualTo(1);
        assertThat(template.namedParameterNames()).isEmpty();
        assertThat(template.serverParameterNames()).containsExactly("id", "name", "e");
        assertThat(template.render(List.of(1), null)).isEqualTo(
                "SELECT x::UInt8, {id:UInt8}, { name : String }, {e:Enum8('a}'=1)}, {id:UInt8}, 1 FROM t");
    }

    @Test
    void bracesThatAreNotServerParametersAreOrdinaryText() {
        SqlTemplate template = SqlTemplate.parse("SELECT {'k': :v}, {1:2}");
        assertThat(template.serverParameterNames()).isEmpty();
        assertThat(template.namedParameterNames()).containsExactly("v");
    }

    @Test
    void rendersNamedParameters() {
        SqlTemplate template = SqlTemplate.parse(
                "SELECT * FROM t WHERE a = :a AND (b = :b OR b = :a) AND c = 'x:y' AND d::String = :_d1 -- :no");
        assertThat(template.namedParameterNames()).containsExactly("a", "b", "_d1");
        Map<String, Object> values = new HashMap<>();
        values.put("a", "it's");
        values.put("b", null);
        values.put("_d1", 5);
        values.put("unused", 1);
        assertThat(template.renderNamed(values, null)).isEqualTo(
                "SELECT * FROM t WHERE a = 'it\\'s' AND (b = NULL OR b = 'it\\'s') AND c = 'x:y' AND d::String = 5 -- :no");
    }

    @Test
    void colonAfterAnOperandIsNotANamedParameter() {
        SqlTemplate template = SqlTemplate.parse("SELECT a:b, x.:Int64, f(x):y, 'k':v, `c`:w, arr[1]:z, :ok");
        assertThat(template.namedParameterNames()).containsExactly("ok");
    }

    @Test
    void missingNamedValuesAreListed() {
        SqlTemplate template = SqlTemplate.parse("SELECT :a, :b, :c");
        assertThatIllegalArgumentException().isThrownBy(() -> template.renderNamed(Map.of("b", 1), null))
                .withMessage("No value for named parameter(s) [:a, :c] of [:a, :b, :c]");
    }

    @Test
    void mixingStylesIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqlTemplate.parse("SELECT ?, :a"))
                .withMessageContaining("mixes 1 ? placeholder(s) with named parameter(s) [:a]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SqlTemplate.parse("SELECT :a").render(List.of(), null))
                .withMessageContaining("renderNamed");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SqlTemplate.parse("SELECT ?").renderNamed(Map.of(), null))
                .withMessageContaining("1 ? placeholder(s)");
    }

    @Test
    void unterminatedQuotesAndCommentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqlTemplate.parse("SELECT 'abc"))
                .withMessage("Unterminated string literal starting at offset 7 of the SQL");
        assertThatIllegalArgumentException().isThrownBy(() -> SqlTemplate.parse("SELECT `abc"))
                .withMessageContaining("quoted identifier");
        assertThatIllegalArgumentException().isThrownBy(() -> SqlTemplate.parse("SELECT /* /* */ ?"))
                .withMessage("Unterminated comment starting at offset 7 of the SQL");
        assertThatIllegalArgumentException().isThrownBy(() -> SqlTemplate.parse("SELECT 'a\\"));
    }

    @Test
    void unclosedDollarIsAnOrdinaryCharacter() {
        assertThat(SqlTemplate.parse("SELECT $a, ?").placeholderCount()).isEqualTo(1);
    }

    @Test
    void templateWithoutPlaceholdersRendersUnchanged() {
        assertThat(render("SELECT 1")).isEqualTo("SELECT 1");
        assertThat(render("")).isEmpty();
        assertThat(render("?", "x")).isEqualTo("'x'");
    }

    @Test
    void injectionAttemptsStayInsideTheLiteral() {
        String sql = render("SELECT * FROM t WHERE name = ? AND tenant = 7",
                "' OR 1=1 --");
        assertThat(sql).isEqualTo("SELECT * FROM t WHERE name = '\\' OR 1=1 --' AND tenant = 7");
        // re-lexing the rendered text finds exactly one string literal where the placeholder was
        assertThat(SqlTemplate.parse(sql.replace("tenant = 7", "tenant = ?")).placeholderCount()).isEqualTo(1);
        for (String attack : List.of("\\", "\\'", "'", "x\\' OR 1=1 --", "*/ ?", "\n-- ?", "\0?")) {
            String rendered = render("SELECT ? , ?", attack, 1);
            assertThat(SqlTemplate.parse(rendered + " ?").placeholderCount()).as(attack).isEqualTo(1);
        }
    }
}
