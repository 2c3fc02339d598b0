package io.chspring.data.repository.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.chspring.client.sql.RawSql;
import io.chspring.client.sql.SqlTemplate;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.mapping.Column;
import io.chspring.data.mapping.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.parser.PartTree;

class DerivedSqlBuilderTests {

    @Table("events")
    record Event(@Id UUID id, Instant ts, long userId, String name, double value, boolean active,
            List<String> tags, @Column("note_text") String note, Address address) {
    }

    record Address(String city) {
    }

    static class WithTransient {
        String name;
        @Transient
        String scratch;
    }

    private final ClickHouseMappingContext context = new ClickHouseMappingContext();

    private DerivedSql derive(String method, int arguments) {
        return derive(method, arguments, Event.class);
    }

    private DerivedSql derive(String method, int arguments, Class<?> type) {
        ClickHousePersistentEntity<?> entity = context.getRequiredPersistentEntity(type);
        return DerivedSqlBuilder.build(new PartTree(method, type), entity, arguments);
    }

    /** The SQL as sent: the builder's template rendered with the values, ?fields with a marker. */
    private static String render(DerivedSql sql, String template, Object... args) {
        Map<String, Object> values = sql.values(args);
        return SqlTemplate.parse(template).renderNamed(values, "*");
    }

    @Test
    void equalityAndRangeWithOrderBy() {
        DerivedSql sql = derive("findByUserIdAndTsBetweenOrderByTsDesc", 3);
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant to = Instant.parse("2024-02-01T00:00:00Z");
        assertThat(render(sql, sql.select(null, null, false), 42L, from, to)).isEqualTo(
                "SELECT * FROM `events` WHERE `user_id` = 42 AND `ts` >= toDateTime('2024-01-01 00:00:00', 'UTC')"
                        + " AND `ts` <= toDateTime('2024-02-01 00:00:00', 'UTC') ORDER BY `ts` DESC");
        assertThat(sql.kind()).isEqualTo(DerivedSql.Kind.SELECT);
    }

    @Test
    void orGroupsAndParts() {
        DerivedSql sql = derive("findByNameOrUserIdAndValueGreaterThan", 3);
        assertThat(sql.condition()).isEqualTo("(`name` = :p0) OR (`user_id` = :p1 AND `value` > :p2)");
    }

    @Test
    void comparisons() {
        assertThat(derive("findByValueLessThan", 1).condition()).isEqualTo("`value` < :p0");
        assertThat(derive("findByValueLessThanEqual", 1).condition()).isEqualTo("`value` <= :p0");
        assertThat(derive("findByValueGreaterThan", 1).condition()).isEqualTo("`value` > :p0");
        assertThat(derive("findByValueGreaterThanEqual", 1).condition()).isEqualTo("`value` >= :p0");
        assertThat(derive("findByTsBefore", 1).condition()).isEqualTo("`ts` < :p0");
        assertThat(derive("findByTsAfter", 1).condition()).isEqualTo("`ts` > :p0");
        assertThat(derive("findByNameNot", 1).condition()).isEqualTo("`name` != :p0");
        assertThat(derive("findByNameIs", 1).condition()).isEqualTo("`name` = :p0");
        assertThat(derive("findByNameEquals", 1).condition()).isEqualTo("`name` = :p0");
    }

    @Test
    void nullBooleanAndEmptyKeywordsTakeNoArgument() {
        assertThat(derive("findByNameIsNull", 0).condition()).isEqualTo("`name` IS NULL");
        assertThat(derive("findByNameIsNotNull", 0).condition()).isEqualTo("`name` IS NOT NULL");
        assertThat(derive("findByActiveTrue", 0).condition()).isEqualTo("`active` = 1");
        assertThat(derive("findByActiveFalse", 0).condition()).isEqualTo("`active` = 0");
        assertThat(derive("findByTagsIsEmpty", 0).condition()).isEqualTo("empty(`tags`)");
        assertThat(derive("findByTagsIsNotEmpty", 0).condition()).isEqualTo("notEmpty(`tags`)");
        assertThat(derive("findByNameRegex", 1).condition()).isEqualTo("match(`name`, :p0)");
    }

    @Test
    void likeFamilyEscapesWildcardsInTheArgument() {
        DerivedSql starting = derive("findByNameStartingWith", 1);
        assertThat(render(starting, "x LIKE :p0", "50%_a\\b")).isEqualTo("x LIKE '50\\\\%\\\\_a\\\\\\\\b%'");
        assertThat(starting.values(new Object[] {"50%_a\\b"})).containsEntry("p0", "50\\%\\_a\\\\b%");
        assertThat(derive("findByNameEndingWith", 1).values(new Object[] {"a%"})).containsEntry("p0", "%a\\%");
        assertThat(derive("findByNameContaining", 1).values(new Object[] {"a_"})).containsEntry("p0", "%a\\_%");
        assertThat(derive("findByNameNotContaining", 1).condition()).isEqualTo("`name` NOT LIKE :p0");
        // Like and NotLike take the argument as the pattern, unescaped.
        assertThat(derive("findByNameLike", 1).values(new Object[] {"a%"})).containsEntry("p0", "a%");
        assertThat(derive("findByNameNotLike", 1).condition()).isEqualTo("`name` NOT LIKE :p0");
    }

    @Test
    void containingOnAnArrayPropertyUsesHas() {
        assertThat(derive("findByTagsContaining", 1).condition()).isEqualTo("has(`tags`, :p0)");
        assertThat(derive("findByTagsNotContaining", 1).condition()).isEqualTo("NOT has(`tags`, :p0)");
    }

    @Test
    void inRendersATupleAndAnEmptySetMatchesNothing() {
        DerivedSql in = derive("findByUserIdIn", 1);
        assertThat(in.condition()).isEqualTo(":p0");
        assertThat(render(in, "WHERE " + in.condition(), List.of(1L, 2L, 3L))).isEqualTo("WHERE `user_id` IN (1, 2, 3)");
        assertThat(render(in, "WHERE " + in.condition(), new long[] {7})).isEqualTo("WHERE `user_id` IN (7)");
        assertThat(render(in, "WHERE " + in.condition(), List.of())).isEqualTo("WHERE 0");
        DerivedSql notIn = derive("findByNameNotIn", 1);
        assertThat(render(notIn, "WHERE " + notIn.condition(), List.of("a'b"))).isEqualTo("WHERE `name` NOT IN ('a\\'b')");
        assertThat(render(notIn, "WHERE " + notIn.condition(), List.of())).isEqualTo("WHERE 1");
        assertThat(notIn.values(new Object[] {List.of()}).get("p0")).isInstanceOf(RawSql.class);
    }

    @Test
    void ignoreCaseLowersBothSides() {
        assertThat(derive("findByNameIgnoreCase", 1).condition()).isEqualTo("lowerUTF8(`name`) = lowerUTF8(:p0)");
        assertThat(derive("findByNameContainingIgnoreCase", 1).condition())
                .isEqualTo("lowerUTF8(`name`) LIKE lowerUTF8(:p0)");
        DerivedSql in = derive("findByNameInIgnoreCase", 1);
        assertThat(render(in, in.condition(), List.of("A"))).isEqualTo("lowerUTF8(`name`) IN (lowerUTF8('A'))");
        // AllIgnoreCase skips properties that are not text.
        assertThat(derive("findByNameAndUserIdAllIgnoreCase", 2).condition())
                .isEqualTo("lowerUTF8(`name`) = lowerUTF8(:p0) AND `user_id` = :p1");
        assertThatIllegalArgumentException().isThrownBy(() -> derive("findByUserIdIgnoreCase", 1))
                .withMessageContaining("IgnoreCase on property 'userId'");
    }

    @Test
    void columnAnnotationRenames() {
        assertThat(derive("findByNote", 1).condition()).isEqualTo("`note_text` = :p0");
    }

    @Test
    void topDistinctAndPaging() {
        DerivedSql top = derive("findTop10ByNameOrderByValueDesc", 1);
        assertThat(top.select(null, null, false))
                .isEqualTo("SELECT ?fields FROM `events` WHERE `name` = :p0 ORDER BY `value` DESC LIMIT 10");
        assertThat(top.select(null, PageRequest.of(1, 4), false)).endsWith("LIMIT 4, 4");
        assertThat(top.select(null, PageRequest.of(2, 4), true)).endsWith("LIMIT 8, 2");
        DerivedSql distinct = derive("findDistinctByUserId", 1);
        assertThat(distinct.select(Sort.by("name").ascending().and(Sort.by(Sort.Order.desc("ts").nullsFirst())),
                PageRequest.of(2, 5), true)).isEqualTo("SELECT DISTINCT ?fields FROM `events` WHERE `user_id` = :p0"
                        + " ORDER BY `name` ASC, `ts` DESC NULLS FIRST LIMIT 10, 6");
        assertThat(derive("findFirstByOrderByTsAsc", 0).select(null, null, false))
                .isEqualTo("SELECT ?fields FROM `events` ORDER BY `ts` ASC LIMIT 1");
        assertThat(derive("findByUserId", 1).select(Sort.by(Sort.Order.by("name").ignoreCase()), null, false))
                .endsWith("ORDER BY lowerUTF8(`name`) ASC");
    }

    @Test
    void countExistsAndDeletePrefixes() {
        DerivedSql count = derive("countByName", 1);
        assertThat(count.kind()).isEqualTo(DerivedSql.Kind.COUNT);
        assertThat(count.count()).isEqualTo("SELECT count() FROM `events` WHERE `name` = :p0");
        DerivedSql exists = derive("existsByUserId", 1);
        assertThat(exists.kind()).isEqualTo(DerivedSql.Kind.EXISTS);
        assertThat(exists.exists()).isEqualTo("SELECT 1 FROM `events` WHERE `user_id` = :p0 LIMIT 1");
        DerivedSql delete = derive("deleteByName", 1);
        assertThat(delete.kind()).isEqualTo(DerivedSql.Kind.DELETE);
        assertThat(delete.condition()).isEqualTo("`name` = :p0");
        assertThat(derive("countDistinctByName", 1).count()).startsWith("SELECT count() FROM (SELECT DISTINCT `id`, ");
        assertThat(derive("findAllByOrderByTsDesc", 0).condition()).isEmpty();
    }

    @Test
    void refusesWhatItCannotHonour() {
        assertThatIllegalArgumentException().isThrownBy(() -> derive("findByNameNear", 1))
                .withMessageContaining("NEAR").withMessageContaining("name");
        assertThatIllegalArgumentException().isThrownBy(() -> derive("findByNameWithin", 1))
                .withMessageContaining("WITHIN");
        assertThatIllegalArgumentException().isThrownBy(() -> derive("findByAddressCity", 1))
                .withMessageContaining("Nested property path 'address.city'");
        assertThatIllegalArgumentException().isThrownBy(() -> derive("findByName", 0))
                .withMessageContaining("more than the method's 0 value argument(s)");
        assertThatIllegalArgumentException().isThrownBy(() -> derive("findByName", 2))
                .withMessageContaining("2 value argument(s) but its criteria use 1");
        assertThatIllegalArgumentException().isThrownBy(() -> derive("findByScratch", 1, WithTransient.class))
                .withMessageContaining("No mapped property 'scratch'");
    }
}
