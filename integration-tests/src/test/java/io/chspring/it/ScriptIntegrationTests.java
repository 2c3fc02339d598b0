package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.query.ClickHouseScriptException;
import io.chspring.client.query.ScriptResult;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * {@code executeScript} on both engines (18.16 over HTTP, the embedded 26.5): statements split at the right
 * semicolons and run in order; the first failure stops the script and names its number, line, column and the server's
 * message.
 */
@ClickHouseEngines
class ScriptIntegrationTests {

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void runsEveryStatementInOrderWithCommentsStringsAndQuotedNames() {
        String script = """
                -- items; the first table
                CREATE TABLE items (id UInt32, name String) ENGINE = MergeTree ORDER BY id;
                /* a block comment; /* nested; */ still a comment */
                INSERT INTO items VALUES (1, 'a;b'), (2, 'it''s; \\'quoted\\'');;
                # a hash comment; with a semicolon
                CREATE TABLE `we;ird` (`x;y` UInt8) ENGINE = Memory;   INSERT INTO `we;ird` VALUES (7);
                INSERT INTO items SELECT toUInt32(`x;y`), '-- not a comment' FROM `we;ird`
                """;
        ScriptResult result = client.executeScript(script);

        assertThat(result.count()).isEqualTo(5);
        assertThat(result.statements()).extracting(ScriptResult.Statement::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.statements()).extracting(ScriptResult.Statement::line).containsExactly(2, 4, 6, 6, 7);
        assertThat(result.statements()).extracting(ScriptResult.Statement::column).containsExactly(1, 1, 1, 56, 1);
        assertThat(result.statements().get(3).sql()).isEqualTo("INSERT INTO `we;ird` VALUES (7)");
        assertThat(result.statements().get(0).summary().queryId()).isNotBlank();
        assertThat(client.query("SELECT id, name FROM items ORDER BY id").fetchAll(Object[].class))
                .containsExactly(new Object[] {1L, "a;b"}, new Object[] {2L, "it's; 'quoted'"},
                        new Object[] {7L, "-- not a comment"});
    }

    @Test
    void stopsAtTheFirstFailureNamingItsNumberPositionAndTheServersMessage() {
        client.execute("CREATE TABLE steps (n UInt8) ENGINE = MergeTree ORDER BY n");
        String script = "INSERT INTO steps VALUES (1);\n"
                + "INSERT INTO steps VALUES (2);\n"
                + "\n"
                + "   SELECT * FROM no_such_table_here;\n"
                + "INSERT INTO steps VALUES (3);\n";

        assertThatThrownBy(() -> client.executeScript(script))
                .isInstanceOfSatisfying(ClickHouseScriptException.class, e -> {
                    assertThat(e.statementNumber()).isEqualTo(3);
                    assertThat(e.statementCount()).isEqualTo(4);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo(4);
                    assertThat(e.errorCode()).isEqualTo(60); // UNKNOWN_TABLE
                    assertThat(e.queryId()).isNotBlank();
                    assertThat(e.completed().count()).isEqualTo(2);
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessageStartingWith("Statement 3 of 4 (line 4, column 4) failed: SELECT * FROM no_such_table_here")
                .hasMessageContaining("no_such_table_here")
                .hasMessageContaining("statements 1..2 ran");
        // the two before it stay, the one after it never ran
        assertThat(client.query("SELECT n FROM steps ORDER BY n").fetchAll(Integer.class)).containsExactly(1, 2);
    }

    @Test
    void anUnclosedStringRunsNothing() {
        client.execute("CREATE TABLE untouched (n UInt8) ENGINE = MergeTree ORDER BY n");
        assertThatThrownBy(() -> client.executeScript("INSERT INTO untouched VALUES (1);\nSELECT 'open;\n"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("nothing ran")
                .hasMessageContaining("A string literal opened on line 2 is not closed");
        assertThat(client.query("SELECT count() FROM untouched").fetchOne(Long.class)).isZero();
    }

    @Test
    void readsTheScriptFromAReader() {
        ScriptResult result = client.executeScript(new StringReader(
                "CREATE TABLE from_reader (n UInt8) ENGINE = Memory;\nINSERT INTO from_reader VALUES (5), (6);\n"));
        assertThat(result.statements()).extracting(ScriptResult.Statement::sql).containsExactly(
                "CREATE TABLE from_reader (n UInt8) ENGINE = Memory", "INSERT INTO from_reader VALUES (5), (6)");
        assertThat(client.query("SELECT n FROM from_reader ORDER BY n").fetchAll(Integer.class))
                .isEqualTo(List.of(5, 6));
    }
}
