package io.chspring.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.Compression;
import io.chspring.client.FakeTransport;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.client.sql.SqlTemplate;
import io.chspring.client.transport.TransportRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTests {

    private final FakeTransport modern = new FakeTransport("24.3.2.23");
    private final FakeTransport old = new FakeTransport("18.16.1");

    @Test
    void settingsOverrideInOrderClientThenQueryThenTheQuerysOwn() {
        ClickHouseClient client = ClickHouseClient.builder().endpoint("http://127.0.0.1:8123")
                .setting("max_threads", 1).setting("max_block_size", 100).setting("default_format", "CSV")
                .transport(c -> modern).build()
                .withSetting("max_block_size", 200).withSetting("readonly", 2);

        client.query("SELECT 1").setting("max_threads", 8).setting("default_format", "JSON")
                .settings(Map.of("priority", 3)).fetchString("TabSeparated");

        TransportRequest r = modern.lastRequest();
        assertThat(r.settings()).containsOnly(Map.entry("max_threads", "8"), Map.entry("max_block_size", "200"),
                Map.entry("readonly", "2"), Map.entry("priority", "3"), Map.entry("default_format", "TabSeparated"));
    }

    @Test
    void localDateTimeValuesGetTheInstantOfTheClientsRule() {
        // 2024-03-10 18:04:56 in Asia/Kolkata (+05:30) is 12:34:56 UTC, epoch 1710074096 (computed by hand)
        LocalDateTime kolkataWall = LocalDateTime.parse("2024-03-10T18:04:56");
        ClickHouseClient utc = modern.client();
        ClickHouseClient server = utc.withSessionTimeZone(ZoneId.of("Asia/Kolkata"))
                .withTimeZoneRule(TimeZoneRule.SERVER);
        ClickHouseClient column = server.withTimeZoneRule(TimeZoneRule.COLUMN);

        server.query("SELECT ?, :x").fetchString("TabSeparated");
        assertThat(modern.lastRequest().sql()).isEqualTo("SELECT ?, :x"); // nothing bound: sent as written
        server.query("SELECT ?").bind(kolkataWall).param("t", kolkataWall).fetchString("TabSeparated");
        assertThat(modern.lastRequest().sql()).isEqualTo("SELECT toDateTime('2024-03-10 12:34:56', 'UTC')");
        assertThat(modern.lastRequest().parameters()).containsEntry("t", "1710074096");
        assertThat(modern.lastRequest().settings()).containsEntry("session_timezone", "Asia/Kolkata");

        column.query("SELECT ?").bind(List.of(kolkataWall)).param("t", kolkataWall).fetchString("TabSeparated");
        assertThat(modern.lastRequest().sql()).isEqualTo("SELECT [toDateTime('2024-03-10 12:34:56', 'UTC')]");
        assertThat(modern.lastRequest().parameters()).containsEntry("t", "2024-03-10 18:04:56");

        utc.query("SELECT ?").bind(kolkataWall).param("t", kolkataWall).fetchString("TabSeparated");
        assertThat(modern.lastRequest().sql()).isEqualTo("SELECT toDateTime('2024-03-10 18:04:56', 'UTC')");
        assertThat(modern.lastRequest().parameters()).containsEntry("t", "1710093896");

        // a request's own session_timezone wins over the client's
        server.query("SELECT ?").bind(kolkataWall).setting("session_timezone", "UTC").fetchString("TabSeparated");
        assertThat(modern.lastRequest().sql()).isEqualTo("SELECT toDateTime('2024-03-10 18:04:56', 'UTC')");
    }

    @Test
    void sessionTimeZoneIsRefusedBeforeSendingToAServerWithoutIt() {
        ClickHouseClient client = old.client().withSessionTimeZone(ZoneId.of("Asia/Tokyo"));
        assertThatThrownBy(() -> client.query("SELECT 1").execute())
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("session_timezone='Asia/Tokyo' needs ClickHouse 23.6")
                .hasMessageContaining("runs 18.16.1");
        assertThat(old.userRequests()).isEmpty();
    }

    @Test
    void identifiersAndOptionsGoIntoTheRequest() {
        ClickHouseClient client = modern.client().withDatabase("client_db");
        client.query("SELECT 1").queryId("q-1").session("s-1").sessionTimeout(Duration.ofSeconds(60))
                .database("query_db").timeout(Duration.ofSeconds(7)).waitEndOfQuery(true).execute();

        TransportRequest r = modern.lastRequest();
        assertThat(r.sql()).isEqualTo("SELECT 1");
        assertThat(r.queryId()).isEqualTo("q-1");
        assertThat(r.sessionId()).isEqualTo("s-1");
        assertThat(r.sessionTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(r.database()).isEqualTo("query_db");
        assertThat(r.responseTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(r.settings()).containsEntry("wait_end_of_query", "1").doesNotContainKey("max_execution_time");
    }

    @Test
    void defaultsComeFromTheClient() {
        modern.client().withDatabase("client_db").query("SELECT 1").execute();
        TransportRequest r = modern.lastRequest();
        assertThat(r.database()).isEqualTo("client_db");
        assertThat(r.queryId()).matches("[0-9a-f-]{36}");
        assertThat(r.sessionId()).isNull();
        assertThat(r.responseTimeout()).isNull();
        assertThat(r.settings()).isEmpty();
    }

    @Test
    void generatedQueryIdsDiffer() {
        ClickHouseClient client = modern.client();
        String first = client.query("SELECT 1").execute().queryId();
        String second = client.query("SELECT 1").execute().queryId();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void fetchAsksForTheFormatAndReturnsTheStreamWithItsQueryId() throws IOException {
        modern.answering("1\ta\n2\tb\n").withHeaders(Map.of("X-ClickHouse-Format", "TabSeparated"));
        try (QueryResponse response = modern.client().query("SELECT n, s FROM t").queryId("q-9")
                .fetchBytes("TabSeparated")) {
            assertThat(response.queryId()).isEqualTo("q-9");
            assertThat(response.header("x-clickhouse-format")).contains("TabSeparated");
            assertThat(new String(response.readAllBytes())).isEqualTo("1\ta\n2\tb\n");
            assertThat(modern.openResponses()).isEqualTo(1);
        }
        assertThat(modern.openResponses()).as("closing the stream releases the response").isZero();
        TransportRequest r = modern.lastRequest();
        assertThat(r.settings()).containsEntry("default_format", "TabSeparated");
        assertThat(r.idempotent()).isTrue();
        assertThat(r.sql()).isEqualTo("SELECT n, s FROM t");
    }

    @Test
    void fetchStringReadsTheWholeSmallResult() {
        modern.answering("héllo\n");
        assertThat(modern.client().query("SELECT 'héllo'").fetchString("TSV")).isEqualTo("héllo\n");
        assertThat(modern.openResponses()).isZero();
    }

    @Test
    void responsesAreCompressedOnlyWhenTheServerVersionAllows() {
        old.client().query("SELECT 1").fetchString("TSV");
        assertThat(old.lastRequest().compressResponse()).as("18.16 returns empty bodies for compress=1").isFalse();

        modern.client().query("SELECT 1").fetchString("TSV");
        assertThat(modern.lastRequest().compressResponse()).isTrue();
        assertThat(modern.lastRequest().compressRequest()).as("no body, nothing to compress").isFalse();
    }

    @Test
    void forcedResponseCompressionSkipsTheVersionCheck() {
        ClickHouseClient forced = ClickHouseClient.builder().endpoint("http://127.0.0.1:8123")
                .forceResponseCompression(true).transport(c -> old).build();
        forced.query("SELECT 1").fetchString("TSV");
        assertThat(old.lastRequest().compressResponse()).isTrue();
        assertThat(old.versionLookups()).isZero();
    }

    @Test
    void noCompressionMeansPlainBodies() {
        modern.client().withCompression(Compression.NONE).query("SELECT 1").fetchString("TSV");
        assertThat(modern.lastRequest().compressResponse()).isFalse();
        assertThat(modern.versionLookups()).isZero();
    }

    @Test
    void serverParametersAreSentByName() {
        modern.client().query("SELECT {id:UInt32}, {name:String}, {day:Date}")
                .param("id", 42).param("name", "tab\there").param("day", LocalDate.of(2024, 2, 29)).execute();
        assertThat(modern.lastRequest().parameters()).containsOnly(Map.entry("id", "42"),
                Map.entry("name", "tab\\there"), Map.entry("day", "2024-02-29"));
        assertThat(modern.lastRequest().settings()).isEmpty();
    }

    @Test
    void serverParametersOnAnOldServerFailNamingTheVersion() {
        Query query = old.client().query("SELECT {id:UInt32}").param("id", 1);
        assertThatThrownBy(query::execute)
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("18.16.1").hasMessageContaining("19.11").hasMessageContaining("[id]");
        assertThat(old.userRequests()).isEmpty();
    }

    @Test
    void badParameterNamesAndFormatsAreRefused() {
        Query query = modern.client().query("SELECT 1");
        assertThatThrownBy(() -> query.param("1x", 1)).hasMessageContaining("'1x'");
        assertThatThrownBy(() -> query.fetchBytes("TSV; DROP")).hasMessageContaining("'TSV; DROP'");
        assertThatThrownBy(() -> query.setting("session_id", "x")).hasMessageContaining("'session_id'");
    }

    @Test
    void withoutBindTheSqlIsSentAsWritten() {
        modern.client().query("SELECT x > 1 ? 'a' : 'b' FROM t").execute();
        assertThat(modern.lastRequest().sql()).isEqualTo("SELECT x > 1 ? 'a' : 'b' FROM t");
    }

    @Test
    void boundArgumentsAreRenderedByTheSqlTemplate() {
        String sql = "SELECT * FROM t WHERE id = ? AND name = ?";
        Query query = modern.client().query(sql).bind(7).bind("o'k");
        assertThat(query.sql(null)).isEqualTo(SqlTemplate.parse(sql).render(List.of(7, "o'k"), null));
        modern.client().execute(sql, 7, "o'k");
        assertThat(modern.lastRequest().sql()).isEqualTo(SqlTemplate.parse(sql).render(List.of(7, "o'k"), null));
    }

    @Test
    void aQueryIsSingleUse() {
        Query query = modern.client().query("SELECT 1");
        query.execute();
        assertThatThrownBy(query::execute).isInstanceOf(IllegalStateException.class).hasMessageContaining("single-use");
        assertThat(modern.userRequests()).hasSize(1);
    }

    @Test
    void sessionTimeoutNeedsASession() {
        Query query = modern.client().query("SELECT 1").sessionTimeout(Duration.ofSeconds(5));
        assertThatThrownBy(query::execute).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("session");
    }

    @Test
    void optionValuesAreChecked() {
        Query query = modern.client().query("SELECT 1");
        assertThatThrownBy(() -> query.timeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> query.queryId(" ")).hasMessageContaining("queryId");
        assertThatThrownBy(() -> query.database("")).hasMessageContaining("database");
        assertThatThrownBy(() -> query.session(null)).hasMessageContaining("session");
    }

    @Test
    void executeDrainsTheBodyAndReportsTheSummaryHeader() {
        modern.answering("some output").withHeaders(Map.of("X-ClickHouse-Summary",
                "{\"read_rows\":\"5\",\"read_bytes\":\"40\",\"written_rows\":\"5\",\"written_bytes\":\"40\","
                        + "\"total_rows_to_read\":\"0\",\"result_rows\":\"5\",\"elapsed_ns\":\"1200\"}"));
        var summary = modern.client().execute("INSERT INTO t SELECT number FROM numbers(5)");
        assertThat(summary.writtenRows()).hasValue(5);
        assertThat(summary.readBytes()).hasValue(40);
        assertThat(summary.counter("elapsed_ns")).hasValue(1200);
        assertThat(modern.openResponses()).isZero();
    }
}
