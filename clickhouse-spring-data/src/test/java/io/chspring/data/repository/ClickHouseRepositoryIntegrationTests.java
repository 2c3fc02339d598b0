package io.chspring.data.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.repository.EventRepository.NameOnly;
import io.chspring.data.repository.EventRepository.NameStats;
import io.chspring.data.repository.EventRepository.UserAndName;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/**
 * Every repository feature against real engines: the HTTP server (18.16, deletes as mutations) and the embedded 26.5
 * (lightweight DELETE). Over HTTP the client has a pool of ONE connection: a stream or cursor that kept its
 * connection would make the next call wait and fail, so every test also checks that connections are given back.
 */
@ClickHouseEngines
class ClickHouseRepositoryIntegrationTests {

    @Configuration
    @EnableClickHouseRepositories(basePackageClasses = EventRepository.class)
    static class Config {
    }

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static ClickHouseClient client;
    private static AnnotationConfigApplicationContext context;
    private static EventRepository events;
    private static ItemRepository items;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void start(EngineTarget engine) {
        client = ClickHouseClient.builder().url(engine.url()).maxConnectionsTotal(1).maxConnectionsPerRoute(1)
                .connectTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(30)).build();
        ClickHouseTemplate template = new ClickHouseTemplate(client);
        template.execute("CREATE TABLE events (id UUID, ts DateTime, user_id Int64, name String, value Float64) "
                + "ENGINE = MergeTree ORDER BY (user_id, ts)");
        template.execute("CREATE TABLE items (id UInt64, note_text Nullable(String), active UInt8, tags Array(String)) "
                + "ENGINE = MergeTree ORDER BY id");
        context = new AnnotationConfigApplicationContext();
        context.registerBean("clickHouseTemplate", ClickHouseTemplate.class, () -> template);
        context.register(Config.class);
        context.refresh();
        events = context.getBean(EventRepository.class);
        items = context.getBean(ItemRepository.class);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @BeforeEach
    void clean() {
        events.deleteAll();
        items.deleteAll();
    }

    private static Event event(int i, long user, String name, double value) {
        return new Event(new UUID(0, i), T0.plusSeconds(i), user, name, value);
    }

    /** 1..6: users 1, 1, 2, 2, 3, 3; names click, view, click, Buy, view_50%, click. */
    private static List<Event> sample() {
        return events.saveAll(List.of(event(1, 1, "click", 1.0), event(2, 1, "view", 2.0), event(3, 2, "click", 3.0),
                event(4, 2, "Buy", 4.0), event(5, 3, "view_50%", 5.0), event(6, 3, "click", 6.0)));
    }

    private static List<Integer> ids(List<? extends Event> list) {
        return list.stream().map(e -> (int) e.id().getLeastSignificantBits()).toList();
    }

    private static Set<Integer> idSet(List<? extends Event> list) {
        return Set.copyOf(ids(list));
    }

    @Test
    void crud() {
        Event one = events.save(event(1, 1, "a", 1));
        assertThat(one).isEqualTo(event(1, 1, "a", 1));
        assertThat(events.saveAll(List.of(event(2, 2, "b", 2), event(3, 3, "c", 3)))).hasSize(3 - 1);
        assertThat(events.count()).isEqualTo(3);
        assertThat(events.findById(new UUID(0, 2))).contains(event(2, 2, "b", 2));
        assertThat(events.findById(new UUID(0, 9))).isEmpty();
        assertThat(events.existsById(new UUID(0, 3))).isTrue();
        assertThat(events.existsById(new UUID(0, 9))).isFalse();
        assertThat(idSet(events.findAll())).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(idSet(events.findAllById(List.of(new UUID(0, 1), new UUID(0, 3), new UUID(0, 8)))))
                .containsExactlyInAnyOrder(1, 3);
        assertThat(events.findAllById(List.of())).isEmpty();

        events.deleteById(new UUID(0, 1));
        assertThat(events.count()).isEqualTo(2);
        events.delete(event(2, 2, "b", 2));
        assertThat(idSet(events.findAll())).containsExactly(3);
        events.saveAll(List.of(event(4, 4, "d", 4), event(5, 5, "e", 5), event(6, 6, "f", 6)));
        events.deleteAllById(List.of(new UUID(0, 4), new UUID(0, 5)));
        assertThat(idSet(events.findAll())).containsExactlyInAnyOrder(3, 6);
        events.deleteAll(List.of(event(3, 3, "c", 3)));
        assertThat(idSet(events.findAll())).containsExactly(6);
        events.deleteAll();
        assertThat(events.count()).isZero();
    }

    @Test
    void sortingAndPaging() {
        sample();
        assertThat(ids(events.findAll(Sort.by("value").descending()))).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(ids(events.findAll(Sort.by("name").ascending().and(Sort.by("ts").descending()))))
                .containsExactly(4, 6, 3, 1, 2, 5);
        assertThat(ids(events.findAll(Sort.by(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("ts")))))
                .containsExactly(4, 1, 3, 6, 2, 5);
        Page<Event> page = events.findAll(PageRequest.of(1, 4, Sort.by("ts")));
        assertThat(ids(page.getContent())).containsExactly(5, 6);
        assertThat(page.getTotalElements()).isEqualTo(6);
        assertThat(page.getTotalPages()).isEqualTo(2);
        assertThat(events.findAll(Pageable.unpaged()).getContent()).hasSize(6);

        Page<Event> byUser = events.findByUserId(1, PageRequest.of(0, 1, Sort.by("ts").descending()));
        assertThat(ids(byUser.getContent())).containsExactly(2);
        assertThat(byUser.getTotalElements()).isEqualTo(2);
        Slice<Event> slice = events.findSliceByUserId(2, PageRequest.of(0, 1, Sort.by("ts")));
        assertThat(ids(slice.getContent())).containsExactly(3);
        assertThat(slice.hasNext()).isTrue();
        assertThat(events.findSliceByUserId(2, PageRequest.of(1, 1, Sort.by("ts"))).hasNext()).isFalse();
        assertThat(ids(events.findByUserIdOrderByTsAsc(3, Sort.by("value").descending()))).containsExactly(5, 6);
        Page<Event> queried = events.pageOf(3, PageRequest.of(0, 1, Sort.by("value").descending()));
        assertThat(ids(queried.getContent())).containsExactly(6);
        assertThat(queried.getTotalElements()).isEqualTo(2);
        assertThatThrownBy(() -> events.findAll(Sort.by("nope"))).hasMessageContaining("No mapped property 'nope'");
    }

    @Test
    void issueExampleMethods() {
        sample();
        assertThat(ids(events.findByUserIdAndTsBetweenOrderByTsDesc(2, T0, T0.plusSeconds(4)))).containsExactly(4, 3);
        assertThat(ids(events.findByUserIdAndTsBetweenOrderByTsDesc(2, T0, T0.plusSeconds(3)))).containsExactly(3);
        assertThat(events.countByName("click")).isEqualTo(3);
        assertThat(events.existsByUserId(3)).isTrue();
        assertThat(events.existsByUserId(4)).isFalse();
        try (Stream<Event> stream = events.streamByName("click")) {
            assertThat(stream.map(Event::userId).sorted().toList()).containsExactly(1L, 2L, 3L);
        }
        assertThat(ids(events.findTop10ByNameOrderByValueDesc("click"))).containsExactly(6, 3, 1);
        assertThat(events.statsSince(T0.plusSeconds(2))).containsExactly(new NameStats("click", 2, 4.5),
                new NameStats("Buy", 1, 4.0), new NameStats("view", 1, 2.0), new NameStats("view_50%", 1, 5.0));
    }

    @Test
    void everyDerivedKeyword() {
        sample();
        assertThat(idSet(events.findByNameOrUserId("view", 2))).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(idSet(events.findByValueLessThan(3))).containsExactlyInAnyOrder(1, 2);
        assertThat(idSet(events.findByValueLessThanEqual(3))).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(idSet(events.findByValueGreaterThan(4))).containsExactlyInAnyOrder(5, 6);
        assertThat(idSet(events.findByValueGreaterThanEqual(4))).containsExactlyInAnyOrder(4, 5, 6);
        assertThat(idSet(events.findByTsAfter(T0.plusSeconds(4)))).containsExactlyInAnyOrder(5, 6);
        assertThat(idSet(events.findByTsBefore(T0.plusSeconds(2)))).containsExactly(1);
        assertThat(idSet(events.findByUserIdIn(List.of(1L, 3L)))).containsExactlyInAnyOrder(1, 2, 5, 6);
        assertThat(events.findByUserIdIn(List.of())).isEmpty();
        assertThat(idSet(events.findByUserIdNotIn(new long[] {1, 3}))).containsExactlyInAnyOrder(3, 4);
        assertThat(events.findByUserIdNotIn(new long[0])).hasSize(6);
        assertThat(idSet(events.findByNameLike("v%"))).containsExactlyInAnyOrder(2, 5);
        assertThat(idSet(events.findByNameNotLike("%c%"))).containsExactlyInAnyOrder(2, 4, 5);
        assertThat(idSet(events.findByNameStartingWith("vi"))).containsExactlyInAnyOrder(2, 5);
        // the wildcards in the argument are literal characters
        assertThat(idSet(events.findByNameStartingWith("view_"))).containsExactly(5);
        assertThat(idSet(events.findByNameEndingWith("50%"))).containsExactly(5);
        assertThat(events.findByNameEndingWith("_")).isEmpty();
        assertThat(idSet(events.findByNameContaining("ic"))).containsExactlyInAnyOrder(1, 3, 6);
        assertThat(idSet(events.findByNameContaining("%"))).containsExactly(5);
        assertThat(idSet(events.findByNameNotContaining("i"))).containsExactly(4);
        assertThat(idSet(events.findByNameIgnoreCase("BUY"))).containsExactly(4);
        assertThat(idSet(events.findByNameStartingWithIgnoreCase("bU"))).containsExactly(4);
        assertThat(idSet(events.findByNameNot("click"))).containsExactlyInAnyOrder(2, 4, 5);
        assertThat(events.findFirstByOrderByTsAsc()).map(Event::id).contains(new UUID(0, 1));
        assertThat(events.findOneByName("Buy")).isEqualTo(event(4, 2, "Buy", 4.0));
        assertThat(events.findOneByName("none")).isNull();
        assertThatThrownBy(() -> events.findOneByName("click")).isInstanceOf(IncorrectResultSizeDataAccessException.class);
    }

    @Test
    void keywordsOnNullableBooleanAndArrayColumns() {
        items.saveAll(List.of(new Item(1, null, true, List.of("a", "b")), new Item(2, "x", false, List.of()),
                new Item(3, "y", true, List.of("b"))));
        assertThat(items.findByNoteIsNullOrderById()).extracting(Item::id).containsExactly(1L);
        assertThat(items.findByNoteIsNotNullOrderById()).extracting(Item::id).containsExactly(2L, 3L);
        assertThat(items.findByActiveTrueOrderById()).extracting(Item::id).containsExactly(1L, 3L);
        assertThat(items.findByActiveFalseOrderById()).extracting(Item::id).containsExactly(2L);
        assertThat(items.findByTagsContainingOrderById("b")).extracting(Item::id).containsExactly(1L, 3L);
        assertThat(items.findByTagsIsEmpty()).containsExactly(new Item(2, "x", false, List.of()));
        assertThat(items.findById(1L)).contains(new Item(1, null, true, List.of("a", "b")));
    }

    @Test
    void distinctAndProjections() {
        sample();
        events.save(event(7, 3, "click", 7.0));
        assertThat(events.findDistinctByUserIdOrderByNameAsc(3)).containsExactly(new NameOnly("click"),
                new NameOnly("view_50%"));
        List<UserAndName> projected = events.findByValue(4.0);
        assertThat(projected).hasSize(1);
        assertThat(projected.get(0).getUserId()).isEqualTo(2);
        assertThat(projected.get(0).getName()).isEqualTo("Buy");
        assertThat(events.findByUserIdOrderByTs(1, NameOnly.class)).containsExactly(new NameOnly("click"),
                new NameOnly("view"));
        assertThat(events.findByUserIdOrderByTs(1, UserAndName.class)).extracting(UserAndName::getName)
                .containsExactly("click", "view");
        assertThat(ids(events.findByUserIdOrderByTs(1, Event.class))).containsExactly(1, 2);
        try (Stream<UserAndName> stream = events.projectedSince(T0.plusSeconds(6))) {
            assertThat(stream.map(UserAndName::getName)).containsExactlyInAnyOrder("click", "click");
        }
    }

    @Test
    void queryMethods() throws InterruptedException {
        sample();
        assertThat(ids(events.positional(1, 1.5))).containsExactly(2);
        assertThat(events.namesOf(2)).containsExactly("click", "Buy");
        assertThat(events.countNamed(List.of("click", "Buy"))).isEqualTo(4);
        assertThat(events.countNamed(List.of())).isZero();
        assertThat(events.rowsOf(1)).containsExactly(Map.of("name", "click", "value", 1.0),
                Map.of("name", "view", "value", 2.0));
        events.mutateAwayName("view");
        // the mutation is asynchronous; the count reaches 5 once it is done
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events.count() != 5 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(events.count()).isEqualTo(5);
    }

    @Test
    void derivedDeletes() {
        sample();
        events.deleteByName("click");
        assertThat(idSet(events.findAll())).containsExactlyInAnyOrder(2, 4, 5);
        assertThat(events.deleteByUserId(2)).isEqualTo(1);
        assertThat(idSet(events.findAll())).containsExactlyInAnyOrder(2, 5);
    }

    @Test
    void closedStreamsGiveTheirConnectionBack() throws Exception {
        List<Event> many = new ArrayList<>();
        IntStream.range(0, 50_000).forEach(i -> many.add(event(i, 1, "bulk", i)));
        events.saveAll(many);
        for (int round = 0; round < 3; round++) {
            try (Stream<Event> stream = events.streamByName("bulk")) {
                assertThat(stream.limit(3)).hasSize(3);
            }
            // one connection in the pool: this call can only run if the closed stream released it
            CompletableFuture<Long> count = CompletableFuture.supplyAsync(events::count);
            assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(50_000L);
        }
    }
}
