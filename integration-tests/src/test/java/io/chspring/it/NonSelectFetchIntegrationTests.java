package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Typed reads of statements that are not SELECTs. On 18.16 the client learns a result's columns with
 * {@code DESCRIBE (<query>)}, which cannot wrap SHOW, EXISTS or DESCRIBE (a syntax error quoting the wrapper);
 * those statements must still read as typed values on every engine.
 */
@ClickHouseEngines
class NonSelectFetchIntegrationTests {

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE t (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        client.execute("CREATE TABLE u (x UInt8) ENGINE = Memory");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void existsReadsAsAnInteger() {
        assertThat(client.query("EXISTS TABLE t").fetchOne(Integer.class)).isEqualTo(1);
        assertThat(client.query("EXISTS TABLE nothing_here").fetchOne(Integer.class)).isEqualTo(0);
        assertThat(client.query("  exists table t;").fetchOne(Integer.class)).isEqualTo(1);
    }

    @Test
    void showTablesReadsAsStrings() {
        assertThat(client.query("SHOW TABLES").fetchAll(String.class)).containsExactly("t", "u");
        assertThat(client.query("SHOW TABLES LIKE 'nothing%'").fetchAll(String.class)).isEmpty();
    }

    @Test
    void describeTableReadsAsRows() {
        List<Object[]> columns = client.query("DESCRIBE TABLE t").fetchAll(Object[].class);
        assertThat(columns).extracting(row -> row[0] + " " + row[1]).containsExactly("id UInt64", "name String");
        assertThat(client.query("DESC u").fetchAll(Object[].class)).extracting(row -> row[0] + " " + row[1])
                .containsExactly("x UInt8");
    }
}
