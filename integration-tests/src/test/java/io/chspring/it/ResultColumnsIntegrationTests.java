package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.query.MapRows;
import io.chspring.client.query.RowCursor;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A result's columns (name and ClickHouse type) before its first row, and when it has none: on the HTTP server
 * (18.16: from {@code DESCRIBE (query)}, or the TabSeparatedWithNamesAndTypes header of SHOW/EXISTS) and on the
 * embedded 26.5 (from the RowBinaryWithNamesAndTypes header).
 */
@ClickHouseEngines
class ResultColumnsIntegrationTests {

    private static final String SQL = "SELECT toUInt8(number) AS small, toString(number) AS text, "
            + "toNullable(toDate('2024-01-02')) AS day, [toInt64(number)] AS list FROM numbers(3)";

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE shown (id UInt64) ENGINE = MergeTree ORDER BY id");
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
    void aCursorTellsItsColumnsBeforeTheFirstRow() {
        try (RowCursor<Object[]> cursor = client.query(SQL).fetch(Object[].class)) {
            assertThat(described(cursor.columns())).containsExactly("small UInt8", "text String",
                    "day Nullable(Date)", "list Array(Int64)");
            assertThat(cursor.stream().count()).isEqualTo(3);
        }
        try (RowCursor<Object[]> cursor = client.query(SQL + " WHERE 0").fetch(Object[].class)) {
            assertThat(described(cursor.columns())).containsExactly("small UInt8", "text String",
                    "day Nullable(Date)", "list Array(Int64)");
            assertThat(cursor.hasNext()).isFalse();
        }
        try (RowCursor<Object[]> cursor = client.prepare(SQL + " WHERE number > :n", Object[].class)
                .bind("n", 5).fetch()) {
            assertThat(described(cursor.columns())).hasSize(4).first().isEqualTo("small UInt8");
            assertThat(cursor.hasNext()).isFalse();
        }
    }

    @Test
    void mapRowsTellTheirColumnsAlsoWhenEmpty() {
        MapRows rows = client.query(SQL).fetchMaps();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).containsEntry("small", (short) 2).containsEntry("text", "2");
        assertThat(described(rows.columns())).containsExactly("small UInt8", "text String", "day Nullable(Date)",
                "list Array(Int64)");
        MapRows none = client.query(SQL + " WHERE 0").fetchMaps();
        assertThat(none).isEmpty();
        assertThat(described(none.columns())).hasSize(4).last().isEqualTo("list Array(Int64)");
    }

    @Test
    void statementsThatDescribeCannotWrapHaveColumnsToo() {
        MapRows tables = client.query("SHOW TABLES").fetchMaps();
        assertThat(described(tables.columns())).containsExactly("name String");
        assertThat(tables).extracting(m -> m.get("name")).contains("shown");
        try (RowCursor<Object[]> cursor = client.query("EXISTS TABLE shown").fetch(Object[].class)) {
            assertThat(described(cursor.columns())).containsExactly("result UInt8");
        }
    }
}
