package io.chspring.client.insert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.Compression;
import io.chspring.client.FakeTransport;
import io.chspring.client.sql.Identifier;
import io.chspring.client.transport.TransportRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawInsertTests {

    private final FakeTransport transport = new FakeTransport("18.16.1");
    private final ClickHouseClient client = transport.client();

    @Test
    void streamsTheBodyWithTheStatementInTheUrl() {
        InsertSummary summary = client.insert("db1.events").format("TabSeparated").columns("id", "name")
                .setting("input_format_allow_errors_num", 1).queryId("ins-1")
                .send(out -> {
                    for (int i = 0; i < 3; i++) {
                        out.write((i + "\tn" + i + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                });

        TransportRequest r = transport.lastRequest();
        assertThat(r.sql()).isEqualTo("INSERT INTO " + Identifier.of("db1", "events").toSql() + " ("
                + Identifier.of("id").toSql() + ", " + Identifier.of("name").toSql() + ") FORMAT TabSeparated");
        assertThat(new String(transport.lastBody(), StandardCharsets.UTF_8)).isEqualTo("0\tn0\n1\tn1\n2\tn2\n");
        assertThat(r.compressRequest()).as("LZ4 is the default for request bodies").isTrue();
        assertThat(r.compressResponse()).isFalse();
        assertThat(r.idempotent()).isFalse();
        assertThat(r.settings()).containsEntry("input_format_allow_errors_num", "1");
        assertThat(summary.queryId()).isEqualTo("ins-1");
        assertThat(transport.versionLookups()).as("an insert needs no version lookup").isZero();
        assertThat(transport.openResponses()).isZero();
    }

    @Test
    void writtenRowsAreUnknownNotZeroWithoutASummaryHeader() {
        InsertSummary summary = client.insert("t").format("CSV").send(out -> out.write('1'));
        assertThat(summary.writtenRows()).isEmpty();
        assertThat(summary.writtenBytes()).isEmpty();
    }

    @Test
    void writtenRowsComeFromTheSummaryHeader() {
        transport.withHeaders(Map.of("X-ClickHouse-Summary",
                "{\"read_rows\":\"0\",\"read_bytes\":\"0\",\"written_rows\":\"3\",\"written_bytes\":\"27\"}"));
        InsertSummary summary = client.insert("t").format("CSV").send(out -> out.write('1'));
        assertThat(summary.writtenRows()).hasValue(3);
        assertThat(summary.writtenBytes()).hasValue(27);
    }

    @Test
    void plainBodiesWithoutCompression() {
        client.withCompression(Compression.NONE).insert("t").format("RowBinary").send(out -> out.write(7));
        assertThat(transport.lastRequest().compressRequest()).isFalse();
    }

    @Test
    void unqualifiedAndIdentifierTables() {
        client.insert("events").format("CSV").send(out -> { });
        assertThat(transport.lastRequest().sql()).isEqualTo("INSERT INTO " + Identifier.of("events").toSql()
                + " FORMAT CSV");
        client.insert(Identifier.of("db", "a.b")).format("CSV").send(out -> { });
        assertThat(transport.lastRequest().sql()).startsWith("INSERT INTO " + Identifier.of("db", "a.b").toSql());
    }

    @Test
    void misuseIsReportedByName() {
        assertThatThrownBy(() -> client.insert("t").send(out -> { }))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> client.insert("t").format("CSV FORMAT x"))
                .hasMessageContaining("'CSV FORMAT x'");
        assertThatThrownBy(() -> client.insert(".t")).hasMessageContaining("'.t'");
        assertThatThrownBy(() -> client.insert(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> client.insert("t").columns("a", "")).hasMessageContaining("column");
        RawInsert once = client.insert("t").format("CSV");
        once.send(out -> { });
        assertThatThrownBy(() -> once.send(out -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void insertAndDescribeReadQualifiedTableNamesAlike() {
        for (String bad : new String[] {"a.b.c", "`db`.`t`", ".t", " "}) {
            assertThatThrownBy(() -> client.insert(bad)).as(bad).isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("'" + bad + "'");
            assertThatThrownBy(() -> client.describeTable(bad)).as(bad)
                    .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'" + bad + "'");
        }
        assertThat(transport.requests()).isEmpty();
    }
}
