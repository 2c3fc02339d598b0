package io.chspring.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Migrations against real engines, the 18.16 HTTP server and the embedded 26.5: first and later starts, a changed
 * applied script, a failing statement and its resumption, bad scripts, placeholders, repeatable scripts, baseline,
 * and a dead lease holder. Each test gets a database of its own; the scripts are files in a temporary directory.
 */
@ClickHouseEngines
class MigrationsIntegrationTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Parameter
    EngineTarget engine;

    @TempDir
    Path scripts;

    private String database;
    /** The client the test closes: closing a derived client ({@code withDatabase}) leaves the shared pool open. */
    private ClickHouseClient root;
    private ClickHouseClient client;

    @BeforeEach
    void database() {
        database = engine.database() + "_m" + DATABASES.incrementAndGet();
        engine.query("CREATE DATABASE " + database);
        root = ClickHouseClient.fromUrl(engine.url());
        client = root.withDatabase(database);
    }

    @AfterEach
    void drop() {
        // An embedded engine's JVM-exit hook waits (up to 30 s) for its clients to close: a root left open held
        // every fork of this module at exit until surefire gave up on it.
        root.close();
        engine.query("DROP DATABASE IF EXISTS " + database);
    }

    private ClickHouseMigrations.Builder migrations() {
        return ClickHouseMigrations.builder(client).locations("filesystem:" + scripts);
    }

    private void script(String name, String text) throws IOException {
        Files.writeString(scripts.resolve(name), text);
    }

    private long count(String sql) {
        return Long.parseLong(engine.query(sql.replace("DB.", database + ".")).strip());
    }

    @Test
    void firstStartAppliesAllThenNothingThenOnlyTheNewScript() throws IOException {
        script("V1__create_a.sql", "-- the first table\nCREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x;\n");
        script("V2__fill_a.sql", "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);");

        MigrationReport first = migrations().build().migrate();
        assertThat(first.appliedScripts()).containsExactly("V1__create_a.sql", "V2__fill_a.sql");
        assertThat(first.applied().get(1).statementsRun()).isEqualTo(2);
        assertThat(count("SELECT count() FROM DB.a")).isEqualTo(2);

        MigrationReport second = migrations().build().migrate();
        assertThat(second.applied()).isEmpty();
        assertThat(count("SELECT count() FROM DB.a")).isEqualTo(2);

        script("V3__more.sql", "INSERT INTO a VALUES (3)");
        MigrationReport third = migrations().build().migrate();
        assertThat(third.appliedScripts()).containsExactly("V3__more.sql");
        assertThat(count("SELECT count() FROM DB.a")).isEqualTo(3);

        List<AppliedMigration> history = third.history();
        assertThat(history).extracting(AppliedMigration::version).containsExactly("1", "2", "3");
        assertThat(history).allMatch(AppliedMigration::success);
        assertThat(history).extracting(AppliedMigration::statementsApplied).containsExactly(1, 2, 1);
        assertThat(history.get(1).description()).isEqualTo("fill a");
        assertThat(history.get(0).checksum())
                .isEqualTo(MigrationScript.checksum(Files.readString(scripts.resolve("V1__create_a.sql"))));
        // one row per statement: V2 has a progress row after its first statement
        assertThat(count("SELECT count() FROM DB.chspring_migrations")).isEqualTo(4);
        assertThat(count("SELECT count() FROM DB.chspring_migrations WHERE success = 0 AND version = '2'"
                + " AND statements_applied = 1")).isEqualTo(1);
    }

    @Test
    void aChangedAppliedScriptStopsTheRunNamingTheFile() throws IOException {
        script("V1__create_a.sql", "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x");
        migrations().build().migrate();
        script("V1__create_a.sql", "CREATE TABLE a (x UInt16) ENGINE = MergeTree ORDER BY x");
        script("V2__b.sql", "CREATE TABLE b (x UInt8) ENGINE = MergeTree ORDER BY x");

        assertThatThrownBy(() -> migrations().build().migrate()).isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__create_a.sql (filesystem:" + scripts + "): changed since it was applied");
        assertThat(count("SELECT count() FROM system.tables WHERE database = '" + database + "' AND name = 'b'"))
                .isZero();

        // validation off: logged, and the rest runs
        assertThat(migrations().validateOnMigrate(false).build().migrate().appliedScripts())
                .containsExactly("V2__b.sql");
    }

    @Test
    void anAppliedVersionMissingFromTheLocationsStopsTheRun() throws IOException {
        script("V1__a.sql", "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x");
        script("V2__b.sql", "CREATE TABLE b (x UInt8) ENGINE = MergeTree ORDER BY x");
        migrations().build().migrate();
        Files.delete(scripts.resolve("V2__b.sql"));

        assertThatThrownBy(() -> migrations().build().migrate())
                .hasMessageContaining("V2__b.sql: version 2 was applied on")
                .hasMessageContaining("is not in the locations any more");
    }

    @Test
    void aFailingStatementIsReportedRecordedAndTheFixedScriptResumesAfterIt() throws IOException {
        script("V1__a.sql", "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x");
        String broken = "CREATE TABLE c (x UInt8) ENGINE = MergeTree ORDER BY x;\n"
                + "INSERT INTO c VALUES (1);\n"
                + "INSERT INTO c SELECT x FROM no_such_table;\n"
                + "INSERT INTO c VALUES (3);\n";
        script("V4__fill_c.sql", broken);

        assertThatThrownBy(() -> migrations().build().migrate()).isInstanceOf(MigrationException.class)
                .hasMessageContaining("V4__fill_c.sql (filesystem:" + scripts + "): statement 3 of 4 (line 3)"
                        + " failed: INSERT INTO c SELECT x FROM no_such_table")
                .hasMessageContaining("server error: ")
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("statements 1..2 ran; the next run resumes at statement 3");
        assertThat(count("SELECT count() FROM DB.c")).isEqualTo(1);

        AppliedMigration v4 = migrations().build().history().get(1);
        assertThat(v4.script()).isEqualTo("V4__fill_c.sql");
        assertThat(v4.success()).isFalse();
        assertThat(v4.statementsApplied()).isEqualTo(2);
        assertThat(v4.error()).startsWith("statement 3 (line 3): ").contains("no_such_table");

        // unchanged, it is not run again: the message says what to do
        assertThatThrownBy(() -> migrations().build().migrate())
                .hasMessageContaining("V4__fill_c.sql (filesystem:" + scripts + "): failed on ")
                .hasMessageContaining("at statement 3 of 4")
                .hasMessageContaining("resumes at statement 3");

        // changing a statement that already ran is refused
        script("V4__fill_c.sql", broken.replace("VALUES (1)", "VALUES (9)")
                .replace("no_such_table", "numbers(1)"));
        assertThatThrownBy(() -> migrations().build().migrate())
                .hasMessageContaining("V4__fill_c.sql (filesystem:" + scripts + "): statements 1..2 ran already");

        script("V4__fill_c.sql", broken.replace("SELECT x FROM no_such_table", "VALUES (2)"));
        MigrationReport fixed = migrations().build().migrate();
        assertThat(fixed.applied()).singleElement().satisfies(a -> {
            assertThat(a.script()).isEqualTo("V4__fill_c.sql");
            assertThat(a.firstStatement()).isEqualTo(3);
            assertThat(a.statementsRun()).isEqualTo(2);
        });
        // statements 1 and 2 did not run again: one table, rows 1, 2, 3 once each
        assertThat(engine.query("SELECT groupArray(x) FROM (SELECT x FROM " + database + ".c ORDER BY x)").strip())
                .isEqualTo("[1,2,3]");
        assertThat(fixed.history().get(1).success()).isTrue();
        assertThat(fixed.history().get(1).statementsApplied()).isEqualTo(4);
    }

    @Test
    void retryFailedRunsAnUnchangedFailedScriptAgainFromTheFailedStatement() throws IOException {
        script("V1__a.sql", "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x;\nINSERT INTO b VALUES (1)");
        assertThatThrownBy(() -> migrations().build().migrate()).hasMessageContaining("statement 2 of 2");
        engine.query("CREATE TABLE " + database + ".b (x UInt8) ENGINE = MergeTree ORDER BY x");

        MigrationReport report = migrations().retryFailed(true).build().migrate();
        assertThat(report.applied().get(0).firstStatement()).isEqualTo(2);
        assertThat(count("SELECT count() FROM DB.b")).isEqualTo(1);
    }

    @Test
    void badScriptsFailBeforeAnythingRunsNamingEachFile() throws IOException {
        script("V1__good.sql", "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x");
        script("V2-bad-name.sql", "SELECT 1");
        script("V3__one.sql", "SELECT 1");
        script("V3.0__two.sql", "SELECT 1");
        script("V4__empty.sql", "-- nothing yet\n");
        script("V5__placeholder.sql", "SELECT 1;\nCREATE TABLE t ${on_cluster} (x UInt8) ENGINE = ${engine}");
        script("V6__open.sql", "SELECT 'open");

        assertThatThrownBy(() -> migrations().build().migrate()).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Migration scripts are not valid; nothing was run:")
                .hasMessageContaining("V2-bad-name.sql (filesystem:" + scripts
                        + "): the name does not follow V<version>__<description>.sql or R__<description>.sql")
                .hasMessageContaining("version 3 is also V3")
                .hasMessageContaining("V4__empty.sql (filesystem:" + scripts + "): the script is empty")
                .hasMessageContaining("V5__placeholder.sql (filesystem:" + scripts
                        + ") line 2: placeholder ${engine} has no value (known: database, on_cluster)")
                .hasMessageContaining("V6__open.sql (filesystem:" + scripts
                        + "): A string literal opened on line 1 is not closed");
        assertThat(count("SELECT count() FROM system.tables WHERE database = '" + database + "'")).isZero();
    }

    @Test
    void placeholdersAreFilledIn() throws IOException {
        script("V1__a.sql", "CREATE TABLE ${database}.a (x UInt8, s String DEFAULT '${greeting}')"
                + " ENGINE = ${engine} ORDER BY x; INSERT INTO a (x) VALUES (1)");

        migrations().placeholder("engine", "MergeTree").placeholder("greeting", "hi; there").build().migrate();

        assertThat(engine.query("SELECT s FROM " + database + ".a").strip()).isEqualTo("hi; there");
    }

    @Test
    void repeatableScriptsRunAfterVersionedOnesAndAgainWhenChanged() throws IOException {
        script("V1__a.sql", "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x; INSERT INTO a VALUES (1), (2)");
        script("R__view.sql", "DROP TABLE IF EXISTS v; CREATE VIEW v AS SELECT count() AS n FROM a");

        assertThat(migrations().build().migrate().appliedScripts()).containsExactly("V1__a.sql", "R__view.sql");
        assertThat(count("SELECT n FROM DB.v")).isEqualTo(2);
        assertThat(migrations().build().migrate().applied()).isEmpty();

        script("R__view.sql", "DROP TABLE IF EXISTS v; CREATE VIEW v AS SELECT sum(x) AS n FROM a");
        assertThat(migrations().build().migrate().appliedScripts()).containsExactly("R__view.sql");
        assertThat(count("SELECT n FROM DB.v")).isEqualTo(3);
        List<AppliedMigration> history = migrations().build().history();
        assertThat(history).extracting(AppliedMigration::type)
                .containsExactly(MigrationType.VERSIONED, MigrationType.REPEATABLE);
        assertThat(history.get(1).version()).isEmpty();
    }

    @Test
    void baselineSkipsTheScriptsADatabaseAlreadyHas() throws IOException {
        engine.query("CREATE TABLE " + database + ".a (x UInt8) ENGINE = MergeTree ORDER BY x");
        script("V1__a.sql", "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x");
        script("V2__fill.sql", "INSERT INTO a VALUES (1)");
        script("V3__more.sql", "INSERT INTO a VALUES (2)");

        MigrationReport report = migrations().baselineVersion("2").build().migrate();

        assertThat(report.appliedScripts()).containsExactly("V3__more.sql");
        assertThat(count("SELECT count() FROM DB.a")).isEqualTo(1);
        assertThat(report.history()).extracting(AppliedMigration::type)
                .containsExactly(MigrationType.BASELINE, MigrationType.VERSIONED);
        // the baseline applies to an empty history only
        assertThat(migrations().baselineVersion("3").build().migrate().applied()).isEmpty();
    }

    @Test
    void aDeadHoldersClaimExpiresAndThenTheLeaseIsTaken() throws IOException {
        // the tables exist after a first run with nothing to do but a baseline
        migrations().baselineVersion("0").leaseTimeout(Duration.ofSeconds(6)).build().migrate();
        script("V1__a.sql", "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x");
        // a holder that died right after claiming: its claim lives 6 s
        engine.query("INSERT INTO " + database + ".chspring_migrations_lease (token, holder, since, expires,"
                + " released) SELECT 'dead', 'dead@host', now(), now() + 6, 0");

        assertThatThrownBy(() -> migrations().leaseTimeout(Duration.ofSeconds(6)).leaseWait(Duration.ofSeconds(1))
                .build().migrate()).isInstanceOf(MigrationException.class)
                .hasMessageContaining("Another instance holds the migration lease `" + database
                        + "`.`chspring_migrations_lease` for longer than PT1S")
                .hasMessageContaining("dead@host");

        MigrationReport report = migrations().leaseTimeout(Duration.ofSeconds(6)).build().migrate();
        assertThat(report.appliedScripts()).containsExactly("V1__a.sql");
        assertThat(report.leaseWait()).isGreaterThan(Duration.ofSeconds(2));
        assertThat(report.history()).extracting(AppliedMigration::type)
                .containsExactly(MigrationType.BASELINE, MigrationType.VERSIONED);
    }
}
