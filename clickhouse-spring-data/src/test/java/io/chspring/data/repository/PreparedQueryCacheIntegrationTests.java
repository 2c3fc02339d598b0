package io.chspring.data.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.core.PreparedQueryCacheStats;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;

/**
 * {@code @Query} methods and template reads run through one prepared query per SQL and result type: the SQL is
 * lexed and the row reader built on the first call only, later calls with other values find it (the template's
 * cache statistics count both), and each call still gets its own values' rows. On 18.16 over HTTP and the embedded
 * 26.5.
 */
@ClickHouseEngines
class PreparedQueryCacheIntegrationTests {

    @Configuration
    @EnableClickHouseRepositories(basePackageClasses = EventRepository.class)
    static class Config {
    }

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static ClickHouseClient client;
    private static ClickHouseTemplate template;
    private static AnnotationConfigApplicationContext context;
    private static EventRepository events;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void start(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        template = new ClickHouseTemplate(client);
        template.execute("CREATE TABLE events (id UUID, ts DateTime, user_id Int64, name String, value Float64) "
                + "ENGINE = MergeTree ORDER BY (user_id, ts)");
        template.execute("CREATE TABLE items (id UInt64, note_text Nullable(String), active UInt8, tags Array(String)) "
                + "ENGINE = MergeTree ORDER BY id");
        // event n (0..5) of user 1, 2, 2, 3, 3, 3, named u<user>-<n>, at T0 + n seconds, value n
        StringBuilder values = new StringBuilder();
        int[] users = {1, 2, 2, 3, 3, 3};
        for (int n = 0; n < users.length; n++) {
            values.append(n == 0 ? "" : ", ").append("('00000000-0000-0000-0000-00000000000").append(n)
                    .append("', toDateTime(").append(1709251200 + n).append("), ").append(users[n]).append(", 'u")
                    .append(users[n]).append('-').append(n).append("', ").append(n).append(')');
        }
        template.execute("INSERT INTO events VALUES " + values);
        context = new AnnotationConfigApplicationContext();
        context.registerBean("clickHouseTemplate", ClickHouseTemplate.class, () -> template);
        context.register(Config.class);
        context.refresh();
        events = context.getBean(EventRepository.class);
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
    void fullSizeCache() {
        template.setPreparedQueryCacheSize(ClickHouseTemplate.DEFAULT_PREPARED_QUERY_CACHE_SIZE);
    }

    @Test
    void aQueryMethodPreparesOnceAndEveryCallGetsItsOwnRows() {
        PreparedQueryCacheStats before = template.getPreparedQueryCacheStats();

        assertThat(events.namesOf(1)).containsExactly("u1-0");
        assertThat(events.namesOf(2)).containsExactly("u2-1", "u2-2");
        assertThat(events.namesOf(3)).containsExactly("u3-3", "u3-4", "u3-5");

        PreparedQueryCacheStats after = template.getPreparedQueryCacheStats();
        assertThat(after.misses() - before.misses()).as("prepared on the first call only").isEqualTo(1);
        assertThat(after.hits() - before.hits()).isEqualTo(2);
        assertThat(after.size() - before.size()).isEqualTo(1);
        assertThat(after.readerBuilds() - before.readerBuilds()).as("one row reader for the three calls").isEqualTo(1);
    }

    record Row(long userId, String name) {
    }

    @Test
    void templateReadsOfTheSameSqlShareOnePreparedQueryOfEntitiesTooAndValueChangesGiveNewReaders() {
        PreparedQueryCacheStats before = template.getPreparedQueryCacheStats();
        for (int user = 1; user <= 3; user++) {
            List<Row> rows = template.sql("SELECT ?fields FROM events WHERE user_id = :user ORDER BY ts")
                    .param("user", user).query(Row.class).list();
            assertThat(rows).hasSize(user).allSatisfy(r -> assertThat(r.userId()).isEqualTo(rows.get(0).userId()));
            assertThat(rows.get(0).userId()).isEqualTo(user);
        }
        assertThat(template.sql("SELECT ?fields FROM events WHERE id = :id").param("id", new UUID(0, 4))
                .query(Event.class).single()).isEqualTo(new Event(new UUID(0, 4), T0.plusSeconds(4), 3, "u3-4", 4.0));
        assertThat(template.sql("SELECT ?fields FROM events WHERE id = :id").param("id", new UUID(0, 5))
                .query(Event.class).single().name()).isEqualTo("u3-5");
        PreparedQueryCacheStats after = template.getPreparedQueryCacheStats();
        assertThat(after.misses() - before.misses()).isEqualTo(2);
        assertThat(after.hits() - before.hits()).isEqualTo(3);
        assertThat(after.readerBuilds() - before.readerBuilds()).isEqualTo(2);

        // a value that changes the result's column type gets a reader of its own, and the right value
        long readers = template.getPreparedQueryCacheStats().readerBuilds();
        assertThat(template.sql("SELECT :x AS v").param("x", 7).query(Object.class).single()).isEqualTo((short) 7);
        assertThat(template.sql("SELECT :x AS v").param("x", "seven").query(Object.class).single()).isEqualTo("seven");
        assertThat(template.getPreparedQueryCacheStats().readerBuilds() - readers).isEqualTo(2);
    }

    @Test
    void theCacheIsBoundedAndSizeZeroPreparesEveryRead() {
        template.setPreparedQueryCacheSize(0);
        PreparedQueryCacheStats before = template.getPreparedQueryCacheStats();
        assertThat(before.size()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(events.namesOf(1)).containsExactly("u1-0");
        }
        PreparedQueryCacheStats after = template.getPreparedQueryCacheStats();
        assertThat(after.misses() - before.misses()).isEqualTo(3);
        assertThat(after.hits() - before.hits()).isZero();

        template.setPreparedQueryCacheSize(2);
        // pages write their ORDER BY and LIMIT into the SQL: each page is other SQL, and the oldest entry goes
        for (int page = 0; page < 3; page++) {
            assertThat(events.findByUserId(3, PageRequest.of(page, 1)).getContent()).hasSize(1);
        }
        assertThat(template.getPreparedQueryCacheStats().size()).isEqualTo(2);
        assertThat(template.getPreparedQueryCacheStats().capacity()).isEqualTo(2);
    }
}
