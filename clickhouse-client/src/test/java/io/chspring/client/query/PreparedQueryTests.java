package io.chspring.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.FakeTransport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.type.ClickHouseColumn;
import java.time.Duration;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.TimeZoneRule;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a prepared query keeps between runs, and what each run sends; the engines are in PreparedQueryIntegrationTests. */
class PreparedQueryTests {

    record Row(String x) {
    }

    /** RowBinaryWithNamesAndTypes of one column {@code x String} and the rows "ab" and "c", as ClickHouse writes it. */
    private static final String ANSWER = "\u0001\u0001x\u0006String\u0002ab\u0001c";

    private final FakeTransport modern = new FakeTransport("24.3.2.23").answering(ANSWER);

    @Test
    void eachRunSendsThePreparedTextWithItsValuesAndOptions() {
        PreparedQuery<Row> query = modern.client().prepare("SELECT ?fields FROM t WHERE a = :a AND b IN :b", Row.class);
        assertThat(query.bind("a", 1).bind("b", List.of(2, 3)).setting("max_threads", 2).queryId("q-1").fetchAll())
                .containsExactly(new Row("ab"), new Row("c"));
        TransportRequest r = modern.lastRequest();
        assertThat(r.sql()).isEqualTo("SELECT `x` FROM t WHERE a = 1 AND b IN (2, 3)");
        assertThat(r.settings()).containsEntry("max_threads", "2");
        assertThat(r.queryId()).isEqualTo("q-1");

        assertThat(query.bind("a", "it's").bind("b", List.of()).fetchAll()).hasSize(2);
        r = modern.lastRequest();
        assertThat(r.sql()).isEqualTo("SELECT `x` FROM t WHERE a = 'it\\'s' AND b IN (NULL)");
        assertThat(r.settings()).doesNotContainKey("max_threads");
    }

    @Test
    void theRowReaderIsBuiltOnceForTheSameColumns() {
        PreparedQuery<Row> query = modern.client().prepare("SELECT ?fields FROM t", Row.class);
        assertThat(query.hasReader()).isFalse();
        query.run().fetchAll();
        assertThat(query.hasReader()).isTrue();
        List<ClickHouseColumn> columns = List.of(ClickHouseColumn.of("x", "String"));
        MappingOptions utc = MappingOptions.DEFAULT.withCodecOptions(CodecOptions.DEFAULT
                .withDefaultTimeZone(ZoneOffset.UTC).withTimeZoneRule(TimeZoneRule.UTC));
        var first = query.readerFor(columns, utc);
        assertThat(query.readerFor(List.of(ClickHouseColumn.of("x", "String")), utc)).isSameAs(first);
        var other = query.readerFor(List.of(ClickHouseColumn.of("x", "LowCardinality(String)")), utc);
        assertThat(other).isNotSameAs(first);
        // other time zones give other readers (a LocalDateTime column would read differently)
        var kolkata = query.readerFor(List.of(ClickHouseColumn.of("x", "LowCardinality(String)")),
                utc.withCodecOptions(utc.codecOptions().withDefaultTimeZone(ZoneId.of("Asia/Kolkata"))));
        assertThat(kolkata).isNotSameAs(other);
    }

    @Test
    void aStringFirstValueOfPositionalSqlIsNotTakenForAName() {
        PreparedQuery<Row> query = modern.client().prepare("SELECT ?fields FROM t WHERE a = ? AND b = ?", Row.class);
        query.bind("x", 1).fetchAll();
        assertThat(modern.lastRequest().sql()).isEqualTo("SELECT `x` FROM t WHERE a = 'x' AND b = 1");
        assertThatThrownBy(() -> query.bind("x").fetchAll()).hasMessageContaining("2 ? placeholder(s) but 1 value");
    }

    @Test
    void anExecutionRunsOnce() {
        BoundQuery<Row> run = modern.client().prepare("SELECT ?fields FROM t", Row.class).run();
        run.fetchAll();
        assertThatThrownBy(run::fetchAll).isInstanceOf(IllegalStateException.class).hasMessageContaining("already run");
    }

    @Test
    void aSessionClientPutsEveryRequestInItsSessionAndARequestsOwnWins() {
        ClickHouseClient client = modern.client().withSession("s-1", Duration.ofSeconds(30));
        client.query("SELECT 1").execute();
        assertThat(modern.lastRequest().sessionId()).isEqualTo("s-1");
        assertThat(modern.lastRequest().sessionTimeout()).isEqualTo(Duration.ofSeconds(30));
        client.prepare("SELECT ?fields FROM t", Row.class).run().fetchAll();
        assertThat(modern.lastRequest().sessionId()).isEqualTo("s-1");
        client.withSetting("max_threads", 1).insert("t").format("TabSeparated").send(out -> out.write('1'));
        assertThat(modern.lastRequest().sessionId()).isEqualTo("s-1");
        client.query("SELECT 1").session("own").execute();
        assertThat(modern.lastRequest().sessionId()).isEqualTo("own");
        assertThat(modern.lastRequest().sessionTimeout()).isNull();
        client.withoutSession().query("SELECT 1").execute();
        assertThat(modern.lastRequest().sessionId()).isNull();
    }
}
