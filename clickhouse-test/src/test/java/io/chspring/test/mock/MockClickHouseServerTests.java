package io.chspring.test.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.QuerySummary;
import io.chspring.client.insert.Insert;
import io.chspring.client.insert.InsertSummary;
import io.chspring.client.query.RowCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real client against the mock: reads, inserts, DDL, failures, and the mock's own bookkeeping. */
class MockClickHouseServerTests {

    record Event(long id, String name, Instant at) {
    }

    private static final Event E1 = new Event(1, "click", Instant.parse("2024-05-01T10:15:30.123456789Z"));
    private static final Event E2 = new Event(2, null, Instant.parse("1969-12-31T23:59:59Z"));

    private MockClickHouseServer mock;
    private ClickHouseClient client;

    @BeforeEach
    void start() {
        mock = MockClickHouseServer.start();
        client = ClickHouseClient.fromUrl(mock.url());
    }

    @AfterEach
    void stop() {
        client.close();
        mock.close(); // verifies: every test below leaves the mock clean or resets it
    }

    @Test
    void provideAnswersATypedReadWithTheRows() {
        RequestHandle request = mock.add(Handlers.provide(Event.class, List.of(E1, E2)));

        List<Event> rows = client.query("SELECT ?fields FROM events").fetchAll(Event.class);

        assertThat(rows).containsExactly(E1, E2);
        assertThat(request.query()).isEqualTo("SELECT `id`, `name`, `at` FROM events");
        // a 26.5 server gets the self-describing format and a compressed answer
        assertThat(request.parameters()).containsEntry("default_format", "RowBinaryWithNamesAndTypes")
                .containsEntry("compress", "1");
    }

    @Test
    void selectVersionIsAnsweredWithoutAHandler() {
        assertThat(client.serverVersion().toString()).isEqualTo(MockClickHouseServer.DEFAULT_VERSION);
        assertThat(client.serverTimeZone()).isEqualTo(java.time.ZoneId.of("UTC"));
        assertThat(mock.statements()).containsExactly("SELECT version(), timezone()");
    }

    @Test
    void theReportedTimeZoneIsTheClientsServerZone() {
        mock.timeZone("Asia/Kolkata");
        assertThat(client.serverTimeZone()).isEqualTo(java.time.ZoneId.of("Asia/Kolkata"));
        assertThatThrownBy(() -> mock.timeZone(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOldVersionGetsPlainRowBinaryAfterADescribeThatConsumesNoHandler() {
        try (MockClickHouseServer old = MockClickHouseServer.start("18.16.1");
                ClickHouseClient oldClient = ClickHouseClient.fromUrl(old.url())) {
            RequestHandle request = old.add(Handlers.provide(Event.class, List.of(E1)));

            assertThat(oldClient.query("SELECT ?fields FROM events").fetchAll(Event.class)).containsExactly(E1);

            assertThat(old.statements()).hasSize(3);
            assertThat(old.statements().get(1)).startsWith("DESCRIBE (SELECT `id`, `name`, `at` FROM events");
            assertThat(request.parameters()).containsEntry("default_format", "RowBinary").doesNotContainKey("compress");
        }
    }

    @Test
    void recordDecodesTypedInsertRowsBackIntoObjects() {
        RecordHandle<Event> rec = mock.add(Handlers.record(Event.class));

        try (Insert<Event> insert = client.insert("events", Event.class)) {
            insert.write(E1);
            insert.write(E2);
            insert.end();
        }

        assertThat(rec.rows()).containsExactly(E1, E2);
        assertThat(rec.query()).isEqualTo("INSERT INTO `events` (`id`, `name`, `at`) FORMAT RowBinaryWithNamesAndTypes");
        assertThat(rec.columns()).containsExactly("id", "name", "at");
        assertThat(rec.parameters()).containsEntry("decompress", "1"); // the body came LZ4-framed
        // DESCRIBE TABLE was answered from the handler's row type without consuming it
        assertThat(mock.statements()).contains("DESCRIBE TABLE `events`");
    }

    @Test
    void recordReadsAnUncompressedChunkedBody() {
        try (ClickHouseClient plain = ClickHouseClient.fromUrl(mock.url() + "?compression=none")) {
            RecordHandle<Event> rec = mock.add(Handlers.record(Event.class));
            List<Event> many = new java.util.ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                many.add(new Event(i, "e" + i, Instant.ofEpochSecond(i)));
            }
            try (Insert<Event> insert = plain.insert("events", Event.class)) {
                many.forEach(insert::write);
                insert.end();
            }
            assertThat(rec.rows()).isEqualTo(many);
            assertThat(rec.parameters()).doesNotContainKey("decompress");
        }
    }

    @Test
    void recordDdlKeepsTheStatement() {
        RequestHandle ddl = mock.add(Handlers.recordDdl());

        client.execute("CREATE TABLE events (id UInt64) ENGINE = MergeTree ORDER BY id");

        assertThat(ddl.query()).isEqualTo("CREATE TABLE events (id UInt64) ENGINE = MergeTree ORDER BY id");
    }

    @Test
    void provideTextAndRecordRawServeFetchStringAndRawInserts() {
        mock.add(Handlers.provideText("1\tclick\n2\tview\n"));
        RequestHandle raw = mock.add(Handlers.recordRaw());

        assertThat(client.query("SELECT id, name FROM events").fetchString("TabSeparated")).isEqualTo("1\tclick\n2\tview\n");
        client.insert("events").format("TabSeparated").send(out -> out.write("3\tbuy\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(new String(raw.body(), StandardCharsets.UTF_8)).isEqualTo("3\tbuy\n");
        assertThat(raw.query()).isEqualTo("INSERT INTO `events` FORMAT TabSeparated");
    }

    @Test
    void everyHandlerKeepsTheRequestThatReachedIt() {
        RequestHandle text = mock.add(Handlers.provideText("1\n"));
        RequestHandle failed = mock.add(Handlers.exception(60, "Table default.missing doesn't exist"));
        RequestHandle ddl = mock.add(Handlers.recordDdl());
        assertThat(text.isServed()).isFalse();
        assertThatThrownBy(text::query).isInstanceOf(AssertionError.class).hasMessageContaining("provideText");

        client.query("SELECT 1").fetchString("TabSeparated");
        assertThatThrownBy(() -> client.execute("SELECT 1 FROM missing")).isInstanceOf(ClickHouseServerException.class);
        client.execute("CREATE TABLE t (x UInt8) ENGINE = Memory");

        assertThat(text.query()).isEqualTo("SELECT 1");
        assertThat(text.body()).isEmpty();
        assertThat(failed.query()).isEqualTo("SELECT 1 FROM missing");
        assertThat(failed.body()).isEmpty();
        assertThat(ddl.query()).isEqualTo("CREATE TABLE t (x UInt8) ENGINE = Memory");
        assertThat(ddl.body()).isEmpty();
    }

    @Test
    void aClickHouseExceptionBecomesAServerExceptionWithItsCode() {
        mock.add(Handlers.exception(60, "Table default.missing doesn't exist"));

        assertThatThrownBy(() -> client.query("SELECT 1 FROM missing").fetchString("TabSeparated"))
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(60);
                    assertThat(e.errorName()).isEqualTo("UNKNOWN_TABLE");
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.serverMessage()).isEqualTo("DB::Exception: Table default.missing doesn't exist. "
                            + "(UNKNOWN_TABLE) (version 26.5.1.1)");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void aTimeoutCodeBecomesATimeoutException() {
        mock.add(Handlers.exception(159, "Timeout exceeded: elapsed 5.001 seconds, maximum: 5"));

        assertThatThrownBy(() -> client.execute("OPTIMIZE TABLE events FINAL"))
                .isInstanceOfSatisfying(ClickHouseTimeoutException.class, e -> assertThat(e.errorCode()).isEqualTo(159));
    }

    @Test
    void aBareHttpFailureIsATransportOrServerErrorByStatus() {
        mock.add(Handlers.failure(503));
        mock.add(Handlers.failure(429));

        assertThatThrownBy(() -> client.execute("SELECT 1"))
                .isInstanceOfSatisfying(ClickHouseTransportException.class, e -> {
                    assertThat(e.errorCode()).isZero();
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 503");
                });
        assertThatThrownBy(() -> client.execute("SELECT 1"))
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void unconsumedHandlersFailVerify() {
        mock.add(Handlers.provide(Event.class, List.of(E1)));
        mock.add(Handlers.recordDdl());

        assertThatThrownBy(mock::verify).isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("handler #1 provide(Event, 1 rows) was never used")
                .hasMessageContaining("handler #2 recordDdl() was never used");
        mock.reset();
    }

    @Test
    void aRequestWithNoHandlerLeftGetsA500AndFailsVerify() {
        assertThatThrownBy(() -> client.execute("DROP TABLE events"))
                .isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("request #1 (DROP TABLE events) arrived, but no handler was left");

        assertThatThrownBy(mock::verify).isInstanceOf(AssertionError.class)
                .hasMessageContaining("request #1 (DROP TABLE events) arrived, but no handler was left");
        mock.reset();
    }

    @Test
    void aHandlerThatCannotServeItsRequestFailsBothSides() {
        mock.add(Handlers.record(Event.class)); // but the code under test reads

        assertThatThrownBy(() -> client.query("SELECT 1").fetchString("TabSeparated"))
                .isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("record(Event) expects INSERT INTO t [(columns)] FORMAT RowBinary");
        assertThatThrownBy(mock::verify).hasMessageContaining("handler #1 record(Event) failed on request #2 (SELECT 1)");
        mock.reset();
    }

    @Test
    void aHandlerIsAddedOnce() {
        StatementHandler ddl = Handlers.recordDdl();
        mock.add(ddl);
        assertThatThrownBy(() -> mock.add(ddl)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recordDdl() was already added");
        mock.reset();
    }

    @Test
    void asAJUnitExtensionItVerifiesAndResetsAfterEachTest() {
        mock.add(Handlers.recordDdl());

        assertThatThrownBy(() -> mock.afterEach(null)).hasMessageContaining("recordDdl() was never used");
        mock.verify(); // reset by afterEach
    }

    /**
     * Modern servers (19.x and later) send {@code X-ClickHouse-Query-Id}, {@code X-ClickHouse-Summary} and, on
     * errors, {@code X-ClickHouse-Exception-Code}; the 18.16 server on our build machines sends none of them, so
     * the client's reading of these headers can only be shown against the mock.
     */
    @Test
    void theClientReadsModernResponseHeaders() {
        mock.add(Handlers.record(Event.class));
        mock.add(Handlers.provide(Event.class, List.of(E1)).withHeader("X-ClickHouse-Query-Id", "server-chosen-id"));
        mock.add(Handlers.recordDdl());
        // a 200 whose only sign of failure is the header: the server failed after sending progress headers
        mock.add(Handlers.exception(241, "MEMORY_LIMIT_EXCEEDED", "Memory limit (total) exceeded").withStatus(200));

        InsertSummary inserted;
        try (Insert<Event> insert = client.insert("events", Event.class)) {
            insert.write(E1);
            insert.write(E2);
            inserted = insert.end();
        }
        assertThat(inserted.writtenRows()).hasValue(2);
        assertThat(inserted.writtenBytes()).isPresent();

        try (RowCursor<Event> cursor = client.query("SELECT ?fields FROM events").fetch(Event.class)) {
            assertThat(cursor.queryId()).isEqualTo("server-chosen-id");
            assertThat(cursor.stream().toList()).containsExactly(E1);
        }

        QuerySummary ddl = client.query("ALTER TABLE events DELETE WHERE id = 1").queryId("my-id").execute();
        assertThat(ddl.queryId()).isEqualTo("my-id");
        assertThat(ddl.writtenRows()).hasValue(0);
        assertThat(ddl.counter("elapsed_ns")).isPresent();

        assertThatThrownBy(() -> client.query("SELECT big FROM events").fetchString("TabSeparated"))
                .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(241);
                    assertThat(e.httpStatus()).isEqualTo(200);
                });
    }
}
