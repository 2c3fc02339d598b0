package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test-database helper sends settings with its statement, as a {@code @BeforeAll} schema needs on 18.16. */
@ClickHouseIntegrationTest
class TestDatabaseSettingsIntegrationTests {

    private static final String LOW_CARDINALITY =
            "CREATE TABLE tags (id UInt64, tag LowCardinality(String)) ENGINE = Memory";

    @BeforeAll
    static void schema(ClickHouseTestDatabase db) {
        db.query(LOW_CARDINALITY, Map.of("allow_experimental_low_cardinality_type", 1));
        db.query("INSERT INTO tags VALUES (1, 'a'), (2, 'a'), (3, 'b')");
    }

    @Test
    void aLowCardinalityTableIsCreatedWithTheSettingOn1816(ClickHouseTestDatabase db) {
        assertThat(db.query("SELECT toTypeName(tag) FROM tags LIMIT 1").strip()).isEqualTo("LowCardinality(String)");
        assertThat(db.query("SELECT tag, count() FROM tags GROUP BY tag ORDER BY tag")).isEqualTo("a\t2\nb\t1\n");
    }

    @Test
    void withoutTheSetting1816RefusesTheType(ClickHouseTestDatabase db) {
        String statement = LOW_CARDINALITY.replace("tags", "tags_without_setting");
        if (db.server().version().startsWith("18.")) {
            assertThatThrownBy(() -> db.query(statement)).hasMessageContaining("LowCardinality");
        } else {
            db.query(statement); // the type is no longer experimental (CLICKHOUSE_URL pointing at a newer server)
        }
    }

    @Test
    void everySettingTravelsWithItsStatementOnly(ClickHouseTestDatabase db) {
        assertThat(db.query("SELECT value FROM system.settings WHERE name = 'max_threads'", Map.of("max_threads", 3))
                .strip()).isEqualTo("3");
        assertThat(db.query("SELECT value FROM system.settings WHERE name = 'max_threads'").strip()).isNotEqualTo("3");
        assertThatThrownBy(() -> db.query("SELECT 1", Map.of("no_such_setting_anywhere", 1)))
                .hasMessageContaining("115");
    }
}
