package io.chspring.data.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.mapping.Column;
import io.chspring.data.mapping.Table;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Transient;

/**
 * The template against real engines: the HTTP server (18.16: ALTER TABLE ... DELETE mutations, no server-side
 * parameters) and the embedded 26.5 (lightweight DELETE, {@code {name:Type}} parameters).
 */
@ClickHouseEngines
class ClickHouseTemplateIntegrationTests {

    @Table("events")
    record Event(@Id UUID id, Instant ts, long userId, String name, double value) {
    }

    record NameStats(String name, long events, double avgValue) {
    }

    /** A POJO with a renamed column, a transient field and a server-computed column. */
    @Table("notes")
    static class Note {
        @Id
        long id;
        @Column("body_text")
        String body;
        @Transient
        String scratch = "not stored";
        @ReadOnlyProperty
        long bodyLength;
    }

    private static ClickHouseClient client;
    private static ClickHouseTemplate template;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        template = new ClickHouseTemplate(client);
        template.execute("CREATE TABLE events (id UUID, ts DateTime, user_id Int64, name String, value Float64) "
                + "ENGINE = MergeTree ORDER BY (user_id, ts)");
        template.execute("CREATE TABLE notes (id UInt64, body_text String, body_length UInt64 MATERIALIZED "
                + "length(body_text)) ENGINE = MergeTree ORDER BY id");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @BeforeEach
    void clean() {
        template.deleteAll(Event.class);
        template.deleteAll(Note.class);
    }

    private static Event event(int i, long user, String name) {
        return new Event(new UUID(0, i), Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), user, name, i * 1.5);
    }

    @Test
    void insertsAndReadsEntitiesRecordsScalarsAndMaps() {
        template.insertAll(Event.class, List.of(event(1, 7, "click"), event(2, 7, "view"), event(3, 8, "click")));
        template.insert(event(4, 9, "buy"));

        assertThat(template.queryForList("SELECT ?fields FROM events ORDER BY ts", Event.class))
                .containsExactly(event(1, 7, "click"), event(2, 7, "view"), event(3, 8, "click"), event(4, 9, "buy"));
        assertThat(template.queryForObject("SELECT count() FROM events WHERE name = ?", Long.class, "click"))
                .isEqualTo(2L);
        assertThat(template.queryForOptional("SELECT name FROM events WHERE user_id = ?", String.class, 9L))
                .contains("buy");
        assertThat(template.queryForOptional("SELECT name FROM events WHERE user_id = ?", String.class, 10L))
                .isEmpty();
        assertThat(template.queryForList("SELECT name, count() AS events, avg(value) AS avg_value FROM events "
                + "GROUP BY name ORDER BY name", NameStats.class))
                .containsExactly(new NameStats("buy", 1, 6.0), new NameStats("click", 2, 3.0),
                        new NameStats("view", 1, 3.0));
        List<Map<String, Object>> maps = template.queryForMaps("SELECT user_id, name FROM events WHERE ts < ? "
                + "ORDER BY ts", Instant.parse("2024-01-01T00:00:02Z"));
        assertThat(maps).hasSize(1);
        assertThat(maps.get(0)).containsExactly(Map.entry("user_id", 7L), Map.entry("name", "click"));
    }

    @Test
    void fluentFormWithNamedParametersCollectionsAndSettings() {
        template.insertAll(Event.class, Stream.of(event(1, 7, "click"), event(2, 8, "view"), event(3, 9, "x")));
        List<Event> events = template.sql("SELECT ?fields FROM events WHERE user_id = :user OR name IN :names "
                + "ORDER BY ts").param("user", 7L).param("names", List.of("view", "none")).query(Event.class).list();
        assertThat(events).extracting(Event::name).containsExactly("click", "view");
        assertThat(template.sql("SELECT count() FROM events WHERE user_id IN (:users)")
                .param("users", new long[] {8, 9}).query(Long.class).single()).isEqualTo(2L);
        assertThat(template.sql("SELECT count() FROM events WHERE user_id NOT IN ?").param(List.of())
                .query(Long.class).single()).isEqualTo(3L);
        assertThat(template.sql("SELECT count() FROM events WHERE user_id IN ?").param(List.of())
                .query(Long.class).single()).isZero();
        // a collection elsewhere stays an array
        assertThat(template.sql("SELECT has(:arr, 2)").param("arr", List.of(1, 2)).query(Integer.class).single())
                .isEqualTo(1);

        assertThat(template.sql("SELECT value FROM system.settings WHERE name = 'max_block_size'")
                .setting("max_block_size", 1234).query(String.class).single()).isEqualTo("1234");
    }

    @Test
    void theIssueExampleAndServerSideParameters() {
        template.insertAll(Event.class, List.of(event(1, 42, "a"), event(2, 43, "b")));
        assertThat(template.sql("SELECT ?fields FROM events WHERE user_id = :user").param("user", 42)
                .query(Event.class).list()).containsExactly(event(1, 42, "a"));
        // {name:Type} goes to the server as a query parameter, which needs 19.11+; older servers are refused
        // before anything is sent, with advice
        if (!client.capabilities().supportsQueryParameters()) {
            assertThatThrownBy(() -> template.sql("SELECT count() FROM events WHERE user_id = {user:Int64}")
                    .param("user", 42).query(Long.class).single())
                    .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("19.11");
        } else {
            assertThat(template.sql("SELECT count() FROM events WHERE user_id = {user:Int64}").param("user", 42)
                    .query(Long.class).single()).isEqualTo(1L);
        }
    }

    @Test
    void pojoWithRenamedTransientAndReadOnlyProperties() {
        Note note = new Note();
        note.id = 1;
        note.body = "hello";
        note.bodyLength = 999; // never inserted: the server computes it
        template.insert(note);
        Note read = template.queryForObject("SELECT ?fields FROM notes", Note.class);
        assertThat(read.body).isEqualTo("hello");
        assertThat(read.bodyLength).isEqualTo(5);
        assertThat(read.scratch).isEqualTo("not stored");
        assertThat(template.queryForObject("SELECT body_text FROM notes", String.class)).isEqualTo("hello");
    }

    @Test
    void inserterMapsEntitiesLikeTheTemplate() {
        Note note = new Note();
        note.id = 2;
        note.body = "batched";
        note.bodyLength = 999;
        try (Inserter<Note> inserter = template.inserter(Note.class).build()) {
            inserter.write(note);
        }
        Note read = template.queryForObject("SELECT ?fields FROM notes", Note.class);
        assertThat(read.id).isEqualTo(2);
        assertThat(read.body).isEqualTo("batched");
        assertThat(read.bodyLength).isEqualTo(7);
    }

    @Test
    void inserterForAMissingTableFailsWhenBuiltAsADataAccessException() {
        @Table("no_such_table")
        record Missing(long id) {
        }
        assertThatThrownBy(() -> template.inserter(Missing.class)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("no_such_table");
    }

    @Test
    void singleAndOptionalCheckTheRowCount() {
        template.insertAll(Event.class, List.of(event(1, 7, "a"), event(2, 7, "b")));
        assertThatThrownBy(() -> template.queryForObject("SELECT name FROM events WHERE user_id = 1", String.class))
                .isInstanceOf(EmptyResultDataAccessException.class);
        assertThatThrownBy(() -> template.queryForOptional("SELECT name FROM events", String.class))
                .isInstanceOf(IncorrectResultSizeDataAccessException.class);
        assertThatThrownBy(() -> template.queryForList("SELECT 1 WHERE 1 = ?", Long.class, new Object()))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void streamsReadLazilyAndReleaseTheConnectionWhenClosed() throws Exception {
        // one pooled connection over HTTP; on chDB each request has a connection of its own, released on close
        try (ClickHouseClient one = ClickHouseClient.builder().url(engine.url()).maxConnectionsTotal(1)
                .maxConnectionsPerRoute(1).build()) {
            ClickHouseTemplate single = new ClickHouseTemplate(one);
            for (int round = 0; round < 3; round++) {
                // far more rows than one buffer: closing must abandon the rest of the response
                try (Stream<Long> numbers = single.queryForStream("SELECT number FROM system.numbers LIMIT 10000000",
                        Long.class)) {
                    assertThat(numbers.limit(5)).containsExactly(0L, 1L, 2L, 3L, 4L);
                }
                // with a pool of one connection, this only runs if the stream gave its connection back
                CompletableFuture<Long> next = CompletableFuture.supplyAsync(
                        () -> single.queryForObject("SELECT 42", Long.class));
                assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(42L);
            }
            try (Stream<Long> all = single.queryForStream("SELECT number FROM numbers(100000)", Long.class)) {
                assertThat(all.mapToLong(Long::longValue).sum()).isEqualTo(99999L * 100000L / 2);
            }
            assertThat(single.queryForObject("SELECT 1", Long.class)).isEqualTo(1L);
        }
    }

    @Test
    void deletesWaitForTheMutation() {
        // 18.16: ALTER TABLE ... DELETE, waited for in system.mutations; 26.5: lightweight DELETE FROM
        template.insertAll(Event.class, IntStream.range(0, 100).mapToObj(i -> event(i, i % 4, "n" + i)).toList());
        template.setMutationTimeout(Duration.ofSeconds(30));
        template.delete(Event.class, "user_id IN :users", Map.of("users", List.of(1L, 2L)));
        assertThat(template.queryForObject("SELECT count() FROM events", Long.class)).isEqualTo(50L);
        assertThat(template.queryForOptional("SELECT count() FROM events WHERE user_id = 1", Long.class))
                .isEqualTo(Optional.of(0L));
        if (engine.isEmbedded()) {
            // a lightweight DELETE is recorded as a mutation that only sets the hidden _row_exists column, where
            // ALTER TABLE ... DELETE would rewrite the parts
            assertThat(template.queryForList("SELECT command FROM system.mutations WHERE database = currentDatabase() "
                    + "AND table = 'events'", String.class)).singleElement().asString().contains("_row_exists");
        }
    }
}
