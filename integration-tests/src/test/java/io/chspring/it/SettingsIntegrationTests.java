package io.chspring.it;

import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import org.junit.jupiter.api.Test;

/** ClickHouse settings from the client URL, per client copy and per query, as the server applies them. */
@ClickHouseIntegrationTest
class SettingsIntegrationTests {

    private static final String TEN_ROWS = "SELECT number FROM system.numbers LIMIT 10";
    private static final String MAX_THREADS = "SELECT value FROM system.settings WHERE name = 'max_threads'";

    @Test
    void urlSettingsApplyToEveryQueryAndAQuerySettingOverridesThem(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(db.url()
                + "?max_result_rows=5&result_overflow_mode=throw&max_threads=3")) {
            ClickHouseServerException e = serverError(396, () -> client.query(TEN_ROWS).fetchString("TabSeparated"));
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.getMessage()).contains("Limit for result exceeded");
            serverError(396, () -> client.execute(TEN_ROWS));

            assertThat(client.query(TEN_ROWS).setting("max_result_rows", 0).fetchString("TabSeparated"))
                    .isEqualTo("0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n");
            assertThat(client.query(TEN_ROWS).setting("max_result_rows", 10).fetchString("TabSeparated"))
                    .hasLineCount(10);
            assertThat(client.query(MAX_THREADS).fetchString("TabSeparated")).isEqualTo("3\n");
            assertThat(client.query(MAX_THREADS).setting("max_threads", 2).fetchString("TabSeparated")).isEqualTo("2\n");
        }
    }

    @Test
    void aCopyWithASettingLeavesItsRootAlone(ClickHouseTestDatabase db) {
        try (ClickHouseClient root = ItSupport.client(db)) {
            ClickHouseClient limited = root.withSetting("max_result_rows", 5).withSetting("result_overflow_mode", "throw");
            serverError(396, () -> limited.query(TEN_ROWS).fetchString("TabSeparated"));
            assertThat(root.query(TEN_ROWS).fetchString("TabSeparated")).hasLineCount(10);
            assertThat(root.withSetting("max_threads", 7).query(MAX_THREADS).fetchString("TabSeparated"))
                    .isEqualTo("7\n");
            assertThat(root.query(MAX_THREADS).fetchString("TabSeparated")).isNotEqualTo("7\n");
        }
    }

    @Test
    void anUnknownSettingIsRejectedByNameWithCode115(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            ClickHouseServerException e = serverError(115,
                    () -> client.query("SELECT 1").setting("no_such_setting", 1).fetchString("TabSeparated"));
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.getMessage()).contains("no_such_setting");
        }
    }
}
