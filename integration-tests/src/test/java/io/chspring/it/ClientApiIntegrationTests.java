package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.QuerySummary;
import io.chspring.client.ServerVersion;
import io.chspring.client.sql.Identifier;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's everyday API against a real server: versions, databases, statements, closing. */
@ClickHouseIntegrationTest
class ClientApiIntegrationTests {

    private static final String OTHER_DB = "chspring_it_other_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void otherDatabase(ClickHouseTestDatabase db) {
        db.query("CREATE DATABASE " + OTHER_DB);
        db.query("CREATE TABLE " + OTHER_DB + ".only_there (x UInt8) ENGINE = Memory");
        db.query("INSERT INTO " + OTHER_DB + ".only_there VALUES (42)");
    }

    @AfterAll
    static void dropOtherDatabase(ClickHouseTestDatabase db) {
        db.query("DROP DATABASE IF EXISTS " + OTHER_DB);
    }

    @Test
    void serverVersionIsTheServers(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            ServerVersion version = client.serverVersion();
            assertThat(version).isEqualTo(ServerVersion.parse(db.server().version()));
            assertThat(version.major()).isEqualTo(18);
            assertThat(version.minor()).isEqualTo(16);
            assertThat(client.serverVersion()).isSameAs(version);
            assertThat(client.withDatabase(OTHER_DB).serverVersion()).isSameAs(version); // shared by copies
            assertThat(client.capabilities().supportsQueryParameters()).isFalse();
            assertThat(client.capabilities().supportsRowBinaryWithNamesAndTypes()).isFalse();
        }
    }

    @Test
    void withDatabaseRunsACopyInAnotherDatabase(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            ClickHouseClient other = client.withDatabase(OTHER_DB);
            assertThat(other.query("SELECT currentDatabase()").fetchString("TabSeparated")).isEqualTo(OTHER_DB + "\n");
            assertThat(other.query("SELECT x FROM only_there").fetchString("TabSeparated")).isEqualTo("42\n");
            assertThat(client.query("SELECT currentDatabase()").fetchString("TabSeparated")).isEqualTo(db.name() + "\n");
            assertThat(client.query("SELECT x FROM only_there").database(OTHER_DB).fetchString("TabSeparated"))
                    .isEqualTo("42\n");
            ItSupport.serverError(60, () -> client.query("SELECT x FROM only_there").fetchString("TabSeparated"));
            ItSupport.serverError(81, () -> client.withDatabase("no_such_db_" + UUID.randomUUID().toString()
                    .substring(0, 8)).query("SELECT 1").fetchString("TabSeparated"));
        }
    }

    @Test
    void aCollectionBoundAfterInIsAListThisServerReads(ClickHouseTestDatabase db) {
        // 18.16 refuses an array on the right of IN, so these only pass because the client writes a tuple there
        try (ClickHouseClient client = ItSupport.client(db)) {
            String sql = "SELECT count() FROM numbers(10) WHERE number ";
            assertThat(client.query(sql + "IN ?").bind(List.of(1, 2, 3, 42)).fetchOne(Long.class)).isEqualTo(3L);
            assertThat(client.query(sql + "NOT IN (?)").bind(new long[] {0, 9}).fetchOne(Long.class)).isEqualTo(8L);
            assertThat(client.query(sql + "IN ?").bind(List.of()).fetchOne(Long.class)).isZero();
            assertThat(client.query("SELECT has(?, 2)").bind(List.of(1, 2)).fetchOne(Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void executeRunsDdlReturnsTheQueryIdAndBindsPlaceholders(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            QuerySummary created = client.execute("CREATE TABLE notes (id UInt32, note String) ENGINE = MergeTree ORDER BY id");
            assertThat(UUID.fromString(created.queryId())).isNotNull();
            assertThat(db.query("EXISTS TABLE notes")).isEqualTo("1\n");

            QuerySummary altered = client.execute("ALTER TABLE ? ADD COLUMN tag String DEFAULT ?",
                    Identifier.of("notes"), "it's");
            assertThat(altered.queryId()).isNotEqualTo(created.queryId());
            // '?' inside a string literal is text, not a placeholder
            client.execute("INSERT INTO notes (id, note) VALUES (1, '?'), (?, ?)", 2, "back\\slash 'quoted'");
            assertThat(db.query("SELECT id, note, tag FROM notes ORDER BY id"))
                    .isEqualTo("1\t?\tit\\'s\n2\tback\\\\slash \\'quoted\\'\tit\\'s\n");
            // nor in a comment
            assertThat(client.query("SELECT ? /* ? */ -- ?\n").bind("it's").fetchString("TabSeparated"))
                    .isEqualTo("it\\'s\n");
            // No arguments: sent as written, so '?' is the ternary operator
            assertThat(client.query("SELECT 1 ? 'yes' : 'no'").fetchString("TabSeparated")).isEqualTo("yes\n");
        }
    }

    @Test
    void closingTheRootClientMakesItsCopiesFail(ClickHouseTestDatabase db) {
        ClickHouseClient root = ItSupport.client(db);
        ClickHouseClient copy = root.withSetting("max_threads", 1);
        copy.close(); // a copy's close does nothing
        assertThat(root.isClosed()).isFalse();
        assertThat(copy.query("SELECT 1").fetchString("TabSeparated")).isEqualTo("1\n");

        root.close();
        assertThat(root.isClosed()).isTrue();
        assertThat(copy.isClosed()).isTrue();
        assertThatThrownBy(() -> copy.query("SELECT 1").fetchString("TabSeparated"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> root.execute("SELECT 1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        root.close(); // idempotent
    }
}
