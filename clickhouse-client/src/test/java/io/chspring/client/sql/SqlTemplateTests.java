package io.chspring.client.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlTemplateTests {

    private static String render(String sql, Object... args) {
        return SqlTemplate.parse(sql).render(Arrays.asList(args), null);
    }

    @Test
    void replacesPlaceholdersInOrder() {
        assertThat(render("SELECT * FROM t WHERE a = ? AND b = ? LIMIT ?", "x", List.of(1, 2), 10))
                .isEqualTo("SELECT * FROM t WHERE a = 'x' AND b = [1, 2] LIMIT 10");
    }

    @Test
    void aCollectionAfterInIsAParenthesisedList() {
        assertThat(render("SELECT * FROM t WHERE b IN ? LIMIT ?", List.of(1, 2), 10))
                .isEqualTo("SELECT * FROM t WHERE b IN (1, 2) LIMIT 10");
        assertThat(render("WHERE b NOT IN ?", List.of("x"))).isEqualTo("WHERE b NOT IN ('x')");
        assertThat(render("WHERE b global in\n\t?", new long[] {7, 8})).isEqualTo("WHERE b global in\n\t(7, 8)");
        assertThat(render("WHERE b In /* the ids */ -- and more\n ?", (Object) new String[] {"a"}))
                .isEqualTo("WHERE b In /* the ids */ -- and more\n ('a')");
        assertThat(render("WHERE b IN?", Set.of(3))).isEqualTo("WHERE b IN(3)");
    }

    @Test
    void aCollectionInsideInParenthesesBecomesItsItems() {
        assertThat(render("WHERE b IN (?)", List.of(1, 2))).isEqualTo("WHERE b IN (1, 2)");
        assertThat(render("WHERE b IN ( ? )", List.of())).isEqualTo("WHERE b IN ( NULL )");
        // only the first item after the parenthesis: a second placeholder is a value of its own
        assertThat(render("WHERE b IN (?, ?)", 1, List.of(2, 3))).isEqualTo("WHERE b IN (1, [2, 3])");
    }

    @Test
    void anEmptyCollectionAfterInMatchesNothing() {
        assertThat(render("WHERE b IN ?", List.of())).isEqualTo("WHERE b IN (NULL)");
        assertThat(render("WHERE b NOT IN ?", new int[0])).isEqualTo("WHERE b NOT IN (NULL)");
    }

    @Test
    void onlyTheKeywordInMakesAList() {
        // a word ending in "in", a string, a quoted name, a function call between: all arrays
        assertThat(render("SELECT min ?", List.of(1))).isEqualTo("SELECT min [1]");
        assertThat(render("SELECT 'in' ?", List.of(1))).isEqualTo("SELECT 'in' [1]");
        assertThat(render("SELECT `in` ?", List.of(1))).isEqualTo("SELECT `in` [1]");
        assertThat(render("SELECT in1 ?", List.of(1))).isEqualTo("SELECT in1 [1]");
        assertThat(render("WHERE has(?, b)", List.of(1))).isEqualTo("WHERE has([1], b)");
        assertThat(render("WHERE b IN f(?)", List.of(1))).isEqualTo("WHERE b IN f([1])");
        assertThat(render("WHERE b IN ((?))", List.of(1))).isEqualTo("WHERE b IN (([1]))");
        // values that are not collections are written as always; byte[] and char[] are strings
        assertThat(render("WHERE b IN ?", 5)).isEqualTo("WHERE b IN 5");
        assertThat(render("WHERE b IN ?", (Object) new byte[] {'a'})).isEqualTo("WHERE b IN 'a'");
        assertThat(render("WHERE b IN ?", (Object) new char[] {'a'})).isEqualTo("WHERE b IN 'a'");
    }

    @Test
    void namedCollectionsExpandToo() {
        SqlTemplate template = SqlTemplate.parse("WHERE a IN :ids AND b IN (:names) AND has(:ids, c)");
        assertThat(template.renderNamed(Map.of("ids", List.of(1, 2), "names", List.of("x")), null))
                .isEqualTo("WHERE a IN (1, 2) AND b IN ('x') AND has([1, 2], c)");
    }

    @Test
    void bindNamedFillsValuesAndKeepsFieldsForLater() {
        SqlTemplate template = SqlTemplate.parse("SELECT ?fields FROM t WHERE a = :a AND b IN :b -- :c\n");
        Map<String, Object> values = new HashMap<>();
        values.put("a", "it's ?fields");
        values.put("b", List.of(1, 2));
        SqlTemplate bound = template.bindNamed(values);
        assertThat(bound.sql()).isEqualTo("SELECT ?fields FROM t WHERE a = 'it\\'s ?fields' AND b IN (1, 2) -- :c\n");
        assertThat(bound.hasFields()).isTrue();
        assertThat(bound.namedParameterNames()).isEmpty();
        assertThat(bound.placeholderCount()).isZero();
        // the ?fields inside the bound string is text, not a placeholder
        assertThat(bound.render(List.of(), "`x`"))
                .isEqualTo("SELECT `x` FROM t WHERE a = 'it\\'s ?fields' AND b IN (1, 2) -- :c\n");
        assertThat(bound.render(List.of(), "`x`")).isEqualTo(template.renderNamed(values, "`x`"));
        assertThatIllegalArgumentException().isThrownBy(() -> bound.render(List.of(), null))
                .withMessage("SQL has ?fields but no field list was given");
    }

    @Test
    void bindNamedChecksLikeRenderNamed() {
        SqlTemplate template = SqlTemplate.parse("SELECT :a, :b");
        assertThatIllegalArgumentException().isThrownBy(() -> template.bindNamed(Map.of("b", 1)))
                .withMessage("No value for named parameter(s) [:a] of [:a, :b]");
        assertThatIllegalArgumentException().isThrownBy(() -> template.bindNamed(Map.of("a", new Object(), "b", 1)))
                .withMessageContaining(":a").withMessageContaining("java.lang.Object");
        assertThatIllegalArgumentException().isThrownBy(() -> SqlTemplate.parse("SELECT ?").bindNamed(Map.of()))
                .withMessageContaining("1 ? placeholder(s)");
        SqlTemplate plain = SqlTemplate.parse("SELECT 1");
        assertThat(plain.bindNamed(Map.of("unused", 1))).isSameAs(plain);
    }

    @Test
    void bindNamedKeepsANegativeValueFromOpeningAComment() {
        assertThat(SqlTemplate.parse("SELECT 1 -:a, ?fields").bindNamed(Map.of("a", -1)).sql())
                .isEqualTo("SELECT 1 - -1, ?fields");
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
