package io.chspring.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.features.VisitRepository.PageAndUser;
import io.chspring.data.features.VisitRepository.PageOnly;
import io.chspring.data.features.VisitRepository.PageRecord;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

/**
 * Scrolling (offset and keyset windows, forward and backward, derived and {@code @Query}) and projections that read
 * only their columns, on both engines. Visits 1..9 of user 1 come in pairs of equal timestamps, so a keyset that did
 * not break ties by id would skip or repeat rows.
 */
@ClickHouseEngines
class ScrollAndProjectionIntegrationTests {

    @Configuration
    @EnableClickHouseRepositories(basePackageClasses = VisitRepository.class)
    static class Config {
    }

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static ClickHouseClient client;
    private static AnnotationConfigApplicationContext context;
    private static VisitRepository visits;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void start(EngineTarget engine) {
        client = ClickHouseClient.builder().url(engine.url()).maxConnectionsTotal(1).maxConnectionsPerRoute(1).build();
        ClickHouseTemplate template = new ClickHouseTemplate(client);
        template.execute("CREATE TABLE visits (id Int64, ts DateTime, page String, user_id Int64, "
                + "secret String ALIAS toString(throwIf(user_id = 666))) ENGINE = MergeTree ORDER BY id");
        context = new AnnotationConfigApplicationContext();
        context.registerBean("clickHouseTemplate", ClickHouseTemplate.class, () -> template);
        context.register(Config.class);
        context.refresh();
        visits = context.getBean(VisitRepository.class);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        context.close();
        client.close();
    }

    @BeforeEach
    void sample() {
        visits.deleteAll();
        List<Visit> all = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            // ts: 1,1,2,2,3,3,4,4,5 (seconds): ties within each pair
            all.add(new Visit(i, T0.plusSeconds((i + 1) / 2), "/p" + i, 1));
        }
        all.add(new Visit(20, T0, "/other", 2));
        visits.saveAll(all);
    }

    private static List<Long> ids(Window<Visit> window) {
        return window.getContent().stream().map(Visit::id).toList();
    }

    /** Every window from {@code first} on, following the position of each window's last row. */
    private static <T> List<List<T>> all(Window<T> first, Function<ScrollPosition, Window<T>> next) {
        List<List<T>> windows = new ArrayList<>();
        Window<T> window = first;
        windows.add(window.getContent());
        while (window.hasNext()) {
            window = next.apply(window.positionAt(window.size() - 1));
            windows.add(window.getContent());
        }
        return windows;
    }

    @Test
    void keysetWindowsOfADerivedQueryCoverEveryRowOnceInOrder() {
        Window<Visit> first = visits.findFirst3ByUserIdOrderByTsAsc(1, ScrollPosition.keyset());
        assertThat(ids(first)).containsExactly(1L, 2L, 3L);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.positionAt(2)).isInstanceOf(KeysetScrollPosition.class);
        assertThat(((KeysetScrollPosition) first.positionAt(2)).getKeys())
                .containsEntry("ts", T0.plusSeconds(2)).containsEntry("id", 3L);

        List<List<Visit>> windows = all(first, p -> visits.findFirst3ByUserIdOrderByTsAsc(1, p));
        assertThat(windows).map(w -> w.stream().map(Visit::id).toList())
                .containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L, 8L, 9L));
    }

    @Test
    void keysetScrollsBackwardFromAPosition() {
        Window<Visit> middle = visits.findFirst3ByUserIdOrderByTsAsc(1,
                ScrollPosition.backward(java.util.Map.of("ts", T0.plusSeconds(4), "id", 7L)));
        // the three rows before visit 7, in the query's order
        assertThat(ids(middle)).containsExactly(4L, 5L, 6L);
        assertThat(middle.hasNext()).isTrue();
        Window<Visit> before = visits.findFirst3ByUserIdOrderByTsAsc(1, middle.positionAt(0));
        assertThat(ids(before)).containsExactly(1L, 2L, 3L);
        assertThat(before.hasNext()).isFalse();
    }

    @Test
    void offsetWindows() {
        // an offset scroll keeps the order it is given (no id added): sort by id for a deterministic one
        Sort byId = Sort.by("id");
        Window<Visit> first = visits.findByUserId(1, ScrollPosition.offset(), Limit.of(3), byId);
        assertThat(ids(first)).containsExactly(1L, 2L, 3L);
        assertThat(first.positionAt(2)).isEqualTo(ScrollPosition.offset(2));
        Window<Visit> second = visits.findByUserId(1, first.positionAt(2), Limit.of(3), byId);
        assertThat(ids(second)).containsExactly(4L, 5L, 6L);
        Window<Visit> last = visits.findByUserId(1, ScrollPosition.offset(5), Limit.of(3), byId);
        assertThat(ids(last)).containsExactly(7L, 8L, 9L);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void limitAndSortArguments() {
        Sort byIdDesc = Sort.by(Sort.Direction.DESC, "id");
        Window<Visit> first = visits.findByUserId(1, ScrollPosition.keyset(), Limit.of(4), byIdDesc);
        assertThat(ids(first)).containsExactly(9L, 8L, 7L, 6L);
        assertThat(all(first, p -> visits.findByUserId(1, p, Limit.of(4), byIdDesc))).map(List::size)
                .containsExactly(4, 4, 1);
        Window<Visit> unlimited = visits.findByUserId(1, ScrollPosition.offset(), Limit.unlimited(), byIdDesc);
        assertThat(unlimited.size()).isEqualTo(9);
        assertThat(unlimited.hasNext()).isFalse();
    }

    @Test
    void queryMethodsScrollByKeysetAndOffset() {
        Sort sort = Sort.by("ts", "id");
        Window<Visit> first = visits.scrollOf(1, ScrollPosition.keyset(), Limit.of(4), sort);
        assertThat(ids(first)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(all(first, p -> visits.scrollOf(1, p, Limit.of(4), sort))).map(w -> w.stream().map(Visit::id)
                .toList()).containsExactly(List.of(1L, 2L, 3L, 4L), List.of(5L, 6L, 7L, 8L), List.of(9L));
        Window<Visit> byOffset = visits.scrollOf(1, ScrollPosition.offset(3), Limit.of(2), sort);
        assertThat(ids(byOffset)).containsExactly(5L, 6L);
    }

    @Test
    void keysetScrollingOfAnInterfaceProjectionReadsTheKeysToo() {
        Window<PageOnly> first = visits.findFirst2ByUserIdOrderByTsDesc(1, ScrollPosition.keyset());
        // ts descending, then the id (added as the last key) ascending: 9 (ts 5), 7 and 8 (ts 4), 5 and 6 (ts 3)
        assertThat(first.getContent()).map(PageOnly::getPage).containsExactly("/p9", "/p7");
        Window<PageOnly> second = visits.findFirst2ByUserIdOrderByTsDesc(1, first.positionAt(1));
        assertThat(second.getContent()).map(PageOnly::getPage).containsExactly("/p8", "/p5");
    }

    @Test
    void slicesStillWork() {
        assertThat(visits.findSliceByUserId(1, PageRequest.of(2, 4, Sort.by("id"))).getContent())
                .map(Visit::id).containsExactly(9L);
    }

    @Test
    void projectionsReadOnlyTheirColumns() {
        visits.save(new Visit(30, T0, "/trap", 666));
        // reading the whole entity reads the secret column, which fails for this user: the proof that the
        // projections below do not read it
        assertThatThrownBy(() -> visits.findByUserIdOrderById(666)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("throwIf");
        assertThat(visits.findProjectedByUserIdOrderById(666)).singleElement()
                .satisfies(v -> assertThat(v.getPage() + " " + v.getUserId()).isEqualTo("/trap 666"));
        assertThat(visits.projectedOf(666)).map(PageAndUser::getPage).containsExactly("/trap");
        assertThat(visits.findRecordsByUserIdOrderById(666)).containsExactly(new PageRecord("/trap", 666));
        assertThat(visits.findProjectedByUserIdOrderById(1)).map(PageAndUser::getPage).hasSize(9).first()
                .isEqualTo("/p1");
    }
}
