package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.query.PreparedQuery;
import io.chspring.client.query.RowCursor;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Prepared queries on both engines: the HTTP server (18.16: columns from {@code DESCRIBE (...)}, plain RowBinary) and
 * the embedded 26.5 (RowBinaryWithNamesAndTypes): one prepared form run with other values and settings, shared by
 * many threads.
 */
@ClickHouseEngines
class PreparedQueryIntegrationTests {

    record Event(long userId, String name, long seq) {
    }

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE events (user_id UInt64, name String, seq UInt64) ENGINE = MergeTree ORDER BY seq");
        // user u has the events u*1000 .. u*1000+u-1: user 3 has 3 events, user 42 has 42
        client.execute("INSERT INTO events SELECT intDiv(number, 1000), concat('e', toString(number)), number "
                + "FROM numbers(100000) WHERE number % 1000 < intDiv(number, 1000)");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void onePreparedQueryRunsWithOtherValuesAndSettings() {
        PreparedQuery<Event> byUser = client.prepare(
                "SELECT ?fields FROM events WHERE user_id = :user ORDER BY seq", Event.class);
        assertThat(byUser.sql()).isEqualTo(
                "SELECT `user_id`, `name`, `seq` FROM events WHERE user_id = :user ORDER BY seq");
        assertThat(byUser.parameterNames()).containsExactly("user");

        List<Event> a = byUser.bind("user", 42).fetchAll();
        assertThat(a).hasSize(42);
        assertThat(a.get(0)).isEqualTo(new Event(42, "e42000", 42000));
        assertThat(a.get(41)).isEqualTo(new Event(42, "e42041", 42041));

        try (RowCursor<Event> b = byUser.bind("user", 7).setting("max_threads", 2).fetch()) {
            assertThat(b.columns()).extracting(ClickHouseColumn::name).containsExactly("user_id", "name", "seq");
            assertThat(b.stream().map(Event::seq).toList())
                    .containsExactly(7000L, 7001L, 7002L, 7003L, 7004L, 7005L, 7006L);
        }
        // the setting reaches the server for that run only
        PreparedQuery<String> setting = client.prepare(
                "SELECT value FROM system.settings WHERE name = :name", String.class);
        assertThat(setting.bind("name", "max_threads").setting("max_threads", 3).fetchOne()).isEqualTo("3");
        assertThat(setting.bind("name", "max_threads").setting("max_threads", 5).fetchOne()).isEqualTo("5");

        // an IN-list and positional values
        PreparedQuery<Long> count = client.prepare("SELECT count() FROM events WHERE user_id IN ?", Long.class);
        assertThat(count.bind(List.of(1, 2, 3)).fetchOne()).isEqualTo(6L);
        assertThat(count.bind(List.of()).fetchOne()).isEqualTo(0L);
        assertThat(byUser.bind("user", 100_000).fetchOptional()).isEmpty();
    }

    @Test
    void mistakesAreNamed() {
        PreparedQuery<Event> byUser = client.prepare("SELECT ?fields FROM events WHERE user_id = :user", Event.class);
        assertThatThrownBy(() -> byUser.bind("usr", 1)).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining(":usr").hasMessageContaining("[:user]");
        assertThatThrownBy(() -> byUser.run().fetchAll()).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining(":user");
        assertThatThrownBy(() -> client.prepare("SELECT ?fields FROM events", Long.class))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("java.lang.Long");
        assertThatThrownBy(() -> client.prepare("SELECT 'unclosed", String.class))
                .isInstanceOf(ClickHouseConfigurationException.class);
    }

    @Test
    void manyThreadsShareOnePreparedQuery() throws Exception {
        PreparedQuery<Event> byUser = client.prepare(
                "SELECT ?fields FROM events WHERE user_id = :user ORDER BY seq", Event.class);
        int threads = 8;
        int runsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < runsPerThread; i++) {
                        int user = 1 + (first * runsPerThread + i) % 99;
                        List<Event> events = byUser.bind("user", user).setting("max_threads", 1 + i % 4).fetchAll();
                        assertThat(events).hasSize(user);
                        for (int k = 0; k < user; k++) {
                            assertThat(events.get(k)).isEqualTo(new Event(user, "e" + (user * 1000L + k),
                                    user * 1000L + k));
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            assertThat(total).isEqualTo(threads * runsPerThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
