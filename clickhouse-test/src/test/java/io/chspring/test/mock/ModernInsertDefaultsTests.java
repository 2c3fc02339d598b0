package io.chspring.test.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What typed inserts and inserter batches carry to servers of each age. The mock stands in for a modern server's
 * defaults, which no engine here shows over HTTP: since 26.3 {@code async_insert} is on by default, and the async
 * queue ignores {@code insert_deduplication_token} unless {@code async_insert_deduplicate} is set. The 18.16 cases
 * check that nothing unknown to that server (code 115) is sent; the behaviour itself is tested on real engines
 * ({@code SchemaChangeIntegrationTests}, {@code PartialInsertIntegrationTests}).
 */
class ModernInsertDefaultsTests {

    record Event(long id, String name) {
    }

    @Test
    void aTypedInsertToA26ServerStaysOutOfTheAsyncQueueAndHasItsTypesChecked() {
        try (MockClickHouseServer mock = MockClickHouseServer.start("26.5.1.1");
                ClickHouseClient client = ClickHouseClient.fromUrl(mock.url())) {
            RecordHandle<Event> request = mock.add(Handlers.record(Event.class));
            try (Insert<Event> insert = client.insert("events", Event.class)) {
                insert.write(new Event(1, "a"));
                insert.end();
            }
            assertThat(request.rows()).containsExactly(new Event(1, "a"));
            assertThat(request.query()).endsWith("FORMAT RowBinaryWithNamesAndTypes");
            assertThat(request.parameters()).containsEntry("async_insert", "0")
                    .containsEntry("input_format_with_types_use_header", "1")
                    .containsEntry("input_format_with_names_use_header", "1")
                    .doesNotContainKey("wait_for_async_insert");
        }
    }

    @Test
    void inserterBatchesToA26ServerAreSynchronousAndCarryTheirToken() {
        try (MockClickHouseServer mock = MockClickHouseServer.start("26.5.1.1");
                ClickHouseClient client = ClickHouseClient.fromUrl(mock.url())) {
            RecordHandle<Event> request = mock.add(Handlers.record(Event.class));
            try (Inserter<Event> inserter = client.inserter("events", Event.class).period(Duration.ofHours(1))
                    .shutdownHook(false).build()) {
                inserter.write(new Event(1, "a"));
                inserter.write(new Event(2, "b"));
                assertThat(inserter.flush().committedRows()).isEqualTo(2);
            }
            assertThat(request.rows()).containsExactly(new Event(1, "a"), new Event(2, "b"));
            assertThat(request.query()).endsWith("FORMAT RowBinaryWithNamesAndTypes");
            assertThat(request.parameters()).containsEntry("async_insert", "0")
                    .containsKey("insert_deduplication_token");
        }
    }

    @Test
    void aUserWhoAsksForAsyncInsertsGetsThemWithDeduplicationAndWaiting() {
        try (MockClickHouseServer mock = MockClickHouseServer.start("26.5.1.1");
                ClickHouseClient client = ClickHouseClient.builder().url(mock.url()).setting("async_insert", 1)
                        .build()) {
            RecordHandle<Event> request = mock.add(Handlers.record(Event.class));
            try (Inserter<Event> inserter = client.inserter("events", Event.class).period(Duration.ofHours(1))
                    .shutdownHook(false).build()) {
                inserter.write(new Event(1, "a"));
                inserter.flush();
            }
            assertThat(request.parameters()).containsEntry("async_insert", "1")
                    .containsEntry("wait_for_async_insert", "1").containsEntry("async_insert_deduplicate", "1")
                    .containsKey("insert_deduplication_token");

            RecordHandle<Event> single = mock.add(Handlers.record(Event.class));
            try (Insert<Event> insert = client.insert("events", Event.class).setting("wait_for_async_insert", 0)) {
                insert.write(new Event(2, "b"));
                insert.end();
            }
            assertThat(single.parameters()).as("a setting the user chose is kept")
                    .containsEntry("async_insert", "1").containsEntry("wait_for_async_insert", "0")
                    .containsEntry("async_insert_deduplicate", "1");
        }
    }

    @Test
    void an1816ServerGetsPlainRowBinaryAndNoSettingItDoesNotKnow() {
        try (MockClickHouseServer mock = MockClickHouseServer.start("18.16.1");
                ClickHouseClient client = ClickHouseClient.fromUrl(mock.url())) {
            RecordHandle<Event> request = mock.add(Handlers.record(Event.class));
            try (Insert<Event> insert = client.insert("events", Event.class)) {
                insert.write(new Event(1, "a"));
                insert.end();
            }
            assertThat(request.rows()).containsExactly(new Event(1, "a"));
            assertThat(request.query()).endsWith("FORMAT RowBinary");
            assertThat(request.parameters()).doesNotContainKeys("async_insert", "input_format_with_types_use_header",
                    "insert_deduplication_token", "wait_for_async_insert");
            assertThat(mock.statements()).as("18.16 checks no header: the schema is read again before the insert")
                    .filteredOn(s -> s.startsWith("DESCRIBE TABLE")).hasSize(1);
        }
    }
}
