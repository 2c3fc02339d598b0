package io.chspring.data.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.Column;
import io.chspring.data.mapping.Table;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

class EntitySqlTests {

    @Table("analytics.page_views")
    record View(@Id long id, String path, @Column("user agent") String agent) {
    }

    @Table("plain")
    record NoId(String name) {
    }

    private final ClickHouseMappingContext context = new ClickHouseMappingContext();
    private final EntitySql views = new EntitySql(context.getRequiredPersistentEntity(View.class));

    @Test
    void selectsWithConditionOrderAndPage() {
        assertThat(views.select(false, "", Sort.unsorted(), null, null, false))
                .isEqualTo("SELECT ?fields FROM `analytics`.`page_views`");
        assertThat(views.select(true, "`path` = :p0", Sort.by("agent").descending(), PageRequest.of(2, 10,
                Sort.by(Sort.Order.asc("path").ignoreCase().nullsFirst())), null, true))
                .isEqualTo("SELECT DISTINCT ?fields FROM `analytics`.`page_views` WHERE `path` = :p0"
                        + " ORDER BY `user agent` DESC, lowerUTF8(`path`) ASC NULLS FIRST LIMIT 20, 11");
        // Top/First narrows the page, and never below zero rows
        assertThat(views.select(false, "", null, PageRequest.of(1, 10), 15, false))
                .endsWith(" LIMIT 10, 5");
        assertThat(views.select(false, "", null, PageRequest.of(2, 10), 15, false))
                .endsWith(" LIMIT 20, 0");
        assertThat(views.select(false, "", null, Pageable.unpaged(), 3, false)).endsWith(" LIMIT 3");
    }

    @Test
    void idConditions() {
        assertThat(views.idEquals()).isEqualTo("`id` = :id");
        assertThat(views.idIn()).isEqualTo("`id` IN :ids");
        EntitySql noId = new EntitySql(context.getRequiredPersistentEntity(NoId.class));
        assertThatThrownBy(noId::idEquals).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("has no @Id property");
    }

    @Test
    void countsAndExists() {
        assertThat(views.count(false, "")).isEqualTo("SELECT count() FROM `analytics`.`page_views`");
        assertThat(views.count(true, "`id` > :p0")).isEqualTo("SELECT count() FROM (SELECT DISTINCT `id`, `path`,"
                + " `user agent` FROM `analytics`.`page_views` WHERE `id` > :p0)");
        assertThat(views.exists("`id` = :id")).isEqualTo("SELECT 1 FROM `analytics`.`page_views` WHERE `id` = :id LIMIT 1");
        assertThat(EntitySql.countRows("SELECT 1 -- note")).isEqualTo("SELECT count() FROM (SELECT 1 -- note\n)");
    }

    @Test
    void deletesAndTruncate() {
        assertThat(views.delete("`id` = :id", true)).isEqualTo("DELETE FROM `analytics`.`page_views` WHERE `id` = :id");
        assertThat(views.delete("1", false)).isEqualTo("ALTER TABLE `analytics`.`page_views` DELETE WHERE 1");
        assertThat(views.pendingMutations()).isEqualTo("SELECT count() FROM system.mutations WHERE database = "
                + "'analytics' AND table = 'page_views' AND is_done = 0");
        assertThat(new EntitySql(context.getRequiredPersistentEntity(NoId.class)).pendingMutations())
                .isEqualTo("SELECT count() FROM system.mutations WHERE database = currentDatabase() AND table = "
                        + "'plain' AND is_done = 0");
        assertThat(views.truncate()).isEqualTo("TRUNCATE TABLE `analytics`.`page_views`");
    }

    @Test
    void applicationSqlGetsOrderAndPageAppended() {
        assertThat(views.orderAndPage("SELECT * FROM v", Sort.unsorted(), Pageable.unpaged(), true))
                .isEqualTo("SELECT * FROM v");
        assertThat(views.orderAndPage("SELECT * FROM v", Sort.by("path"), PageRequest.of(0, 5), true))
                .isEqualTo("SELECT * FROM v ORDER BY `path` ASC LIMIT 6");
        assertThatThrownBy(() -> views.orderAndPage("SELECT 1", Sort.by("nope"), null, false))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("No mapped property 'nope' on " + View.class.getName());
    }

    @Test
    void tuplesWrapEachItemInTheFunction() {
        assertThat(EntitySql.tuple(List.of("A", "b"), "lowerUTF8")).isEqualTo("(lowerUTF8('A'), lowerUTF8('b'))");
        assertThat(EntitySql.tuple(new long[] {1, 2}, null)).isEqualTo("(1, 2)");
        assertThat(EntitySql.tuple(7, null)).isEqualTo("(7)");
        assertThat(EntitySql.tuple(List.of(), null)).isNull();
    }
}
