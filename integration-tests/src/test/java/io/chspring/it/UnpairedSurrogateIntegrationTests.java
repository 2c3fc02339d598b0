package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A string with an unpaired UTF-16 surrogate has no UTF-8 form. Bound values and typed inserts (streaming
 * {@link Insert} and {@link Inserter}, String and FixedString columns) follow one rule: the value is rejected with an
 * error naming the column, never stored as {@code '?'}, and the rows accepted before and after it are stored.
 */
@ClickHouseEngines
class UnpairedSurrogateIntegrationTests {

    record Row(long id, String s, String fs) {
    }

    private static final String LONE_HIGH = "a\uD83Db";
    private static final String LONE_LOW = "\uDE00";
    private static final String PAIR = "ok \uD83D\uDE00";

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        for (String table : new String[] {"via_insert", "via_inserter"}) {
            client.execute("CREATE TABLE " + table + " (id UInt64, s String, fs FixedString(8)) ENGINE = MergeTree "
                    + "ORDER BY id");
        }
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void insertRejectsTheRowNamingColumnAndRowAndKeepsTheOthers() {
        try (Insert<Row> insert = client.insert("via_insert", Row.class)) {
            insert.write(new Row(1, PAIR, "x"));
            assertThatThrownBy(() -> insert.write(new Row(2, LONE_HIGH, "x")))
                    .isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("column 's'")
                    .hasMessageContaining("row 2")
                    .hasMessageContaining("unpaired UTF-16 surrogate \\ud83d");
            assertThatThrownBy(() -> insert.write(new Row(3, "fine", LONE_LOW)))
                    .isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("column 'fs'")
                    .hasMessageContaining("\\ude00");
            insert.write(new Row(4, "last", "y"));
            insert.end();
        }
        assertThat(rows("via_insert")).containsExactly("1\tok \uD83D\uDE00\tx", "4\tlast\ty");
    }

    @Test
    void inserterRejectsTheWriteAndKeepsTheBatch() {
        try (Inserter<Row> inserter = client.inserter("via_inserter", Row.class).build()) {
            inserter.write(new Row(1, PAIR, "x"));
            assertThatThrownBy(() -> inserter.write(new Row(2, LONE_LOW, "x")))
                    .isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("column 's'")
                    .hasMessageContaining("unpaired UTF-16 surrogate");
            inserter.write(new Row(3, "last", "y"));
            assertThat(inserter.flush().committedRows()).isEqualTo(2);
        }
        assertThat(rows("via_inserter")).containsExactly("1\tok \uD83D\uDE00\tx", "3\tlast\ty");
    }

    @Test
    void bindRejectsTheSameValues() {
        assertThatThrownBy(() -> client.query("SELECT ?").bind(LONE_HIGH).fetchOne(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired UTF-16 surrogate");
        assertThat(client.query("SELECT ?").bind(PAIR).fetchOne(String.class)).isEqualTo(PAIR);
    }

    /** The stored rows as text, read without the row codec: id, s, and fs without its NUL padding. */
    private static List<String> rows(String table) {
        return List.of(client.query("SELECT id, s, replaceAll(fs, '\\0', '') FROM " + table + " ORDER BY id")
                .fetchString("TabSeparated").split("\n"));
    }
}
