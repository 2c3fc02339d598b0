package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.query.BlockCursor;
import io.chspring.client.query.ExternalTable;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The {@code DESCRIBE (query)} the client sends for a result's columns where no header brings them (a block read
 * without any block; a typed read on 18.16) carries what the query itself needs: its server-side {@code {name:Type}}
 * parameters on the embedded 26.5, its external tables on the 18.16 HTTP server. On 18.16, which has no server-side
 * parameters, a typed read with one fails with the client's own message before anything is sent.
 */
@ClickHouseEngines
class DescribeParametersIntegrationTests {

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE described (id UInt64, note String) ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO described VALUES (1, 'one'), (2, 'two')");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static List<String> described(List<ClickHouseColumn> columns) {
        return columns.stream().map(c -> c.name() + " " + c.type()).toList();
    }

    @Test
    void anEmptyBlockResultOfAParameterisedQueryKnowsItsColumns() {
        var query = client.query("SELECT number AS n, toString(number) AS s, {tag:String} AS tag "
                + "FROM numbers(10) WHERE number = {x:UInt32}").param("x", 100).param("tag", "t")
                .queryId("describe-params-" + System.nanoTime());
        if (engine.isHttp()) {
            // 18.16 has no server-side parameters: refused before anything is sent
            assertThatThrownBy(query::fetchBlocks).isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("Server-side query parameters [x, tag] need ClickHouse 19.11 or newer");
            return;
        }
        try (BlockCursor cursor = query.fetchBlocks()) {
            assertThat(cursor.hasNext()).isFalse();
            assertThat(described(cursor.columns())).containsExactly("n UInt64", "s String", "tag String");
        }
    }

    @Test
    void anEmptyBlockResultOfAPreparedQueryWithAnIdentifierParameterKnowsItsColumns() {
        var query = client.prepare("SELECT id, note FROM {t:Identifier} WHERE id > :min", Object[].class)
                .bind("min", 1000).param("t", "described");
        if (engine.isHttp()) {
            assertThatThrownBy(query::fetchBlocks).isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("Server-side query parameters [t] need ClickHouse 19.11 or newer");
            return;
        }
        try (BlockCursor cursor = query.fetchBlocks()) {
            assertThat(cursor.hasNext()).isFalse();
            assertThat(described(cursor.columns())).containsExactly("id UInt64", "note String");
        }
    }

    @Test
    void anEmptyBlockResultReadingAnExternalTableKnowsItsColumns() {
        ExternalTable ext = ExternalTable.of("ext", "id UInt16, note FixedString(3)").rows(List.of(List.of(7, "abc")));
        var query = client.query("SELECT id, note FROM ext WHERE id > 7").externalTable(ext);
        if (!engine.isHttp()) {
            // the embedded engine has no external data (ExternalDataEmbeddedIntegrationTests)
            assertThatThrownBy(query::fetchBlocks).isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("external tables [ext] need ClickHouse's HTTP interface");
            return;
        }
        try (BlockCursor cursor = query.fetchBlocks()) {
            assertThat(cursor.hasNext()).isFalse();
            assertThat(described(cursor.columns())).containsExactly("id UInt16", "note FixedString(3)");
        }
    }

    @Test
    void aTypedReadWithAParameterFailsOnlyWhereTheServerHasNoParameters() {
        var query = client.query("SELECT number FROM system.numbers WHERE number = {x:UInt32} LIMIT 1").param("x", 3);
        if (engine.isHttp()) {
            // the read asks DESCRIBE first on 18.16: that request must fail with the client's message too, not with
            // the server's syntax error about the placeholder
            assertThatThrownBy(() -> query.fetchAll(Long.class)).isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("Server-side query parameters [x] need ClickHouse 19.11 or newer");
            return;
        }
        assertThat(query.fetchAll(Long.class)).containsExactly(3L);
    }
}
