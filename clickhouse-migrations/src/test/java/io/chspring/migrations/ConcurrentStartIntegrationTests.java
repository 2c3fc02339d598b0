package io.chspring.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Four instances (each with its own client) start at the same moment against one empty database and migrate it; 20
 * times, each time in a fresh database. Every script must run exactly once: the first script creates a table without
 * {@code IF NOT EXISTS} (a second run would fail) and the others insert rows (a second run would add rows), and the
 * history must hold each script's rows once.
 */
@ClickHouseEngines
class ConcurrentStartIntegrationTests {

    private static final int INSTANCES = 4;
    private static final int REPETITIONS = 20;

    @Parameter
    EngineTarget engine;

    @TempDir
    Path scripts;

    @Test
    void fourInstancesStartingTogetherApplyEachScriptOnce() throws Exception {
        Files.writeString(scripts.resolve("V1__create.sql"), "CREATE TABLE t (x UInt8) ENGINE = MergeTree ORDER BY x");
        Files.writeString(scripts.resolve("V2__one.sql"), "INSERT INTO t VALUES (1)");
        Files.writeString(scripts.resolve("V3__two_more.sql"), "INSERT INTO t VALUES (2);\nINSERT INTO t VALUES (3);");
        Files.writeString(scripts.resolve("R__view.sql"), "CREATE VIEW v AS SELECT sum(x) AS s FROM t");

        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
                repetition(pool, engine.database() + "_c" + repetition);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private void repetition(ExecutorService pool, String database) throws Exception {
        engine.query("CREATE DATABASE " + database);
        CyclicBarrier start = new CyclicBarrier(INSTANCES);
        List<ClickHouseClient> clients = new ArrayList<>();
        List<Future<MigrationReport>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                ClickHouseClient root = ClickHouseClient.fromUrl(engine.url());
                clients.add(root); // the one to close: a derived client's close() leaves the shared pool open
                ClickHouseClient client = root.withDatabase(database);
                String instance = "instance-" + i;
                runs.add(pool.submit(() -> {
                    ClickHouseMigrations migrations = ClickHouseMigrations.builder(client)
                            .locations("filesystem:" + scripts).installedBy(instance).build();
                    start.await(30, TimeUnit.SECONDS);
                    return migrations.migrate();
                }));
            }
            List<String> applied = new ArrayList<>();
            for (Future<MigrationReport> run : runs) {
                applied.addAll(run.get(120, TimeUnit.SECONDS).appliedScripts());
            }
            assertThat(applied).as(database).containsExactlyInAnyOrder("V1__create.sql", "V2__one.sql",
                    "V3__two_more.sql", "R__view.sql");
            assertThat(query("SELECT groupArray(x) FROM (SELECT x FROM " + database + ".t ORDER BY x)"))
                    .as(database).isEqualTo("[1,2,3]");
            assertThat(query("SELECT s FROM " + database + ".v")).isEqualTo("6");
            // one row per statement, each statement once, all by one instance
            assertThat(query("SELECT script, count(), countIf(success = 1), uniqExact(installed_by) FROM " + database
                    + ".chspring_migrations GROUP BY script ORDER BY script"))
                    .as(database).isEqualTo("R__view.sql\t1\t1\t1\nV1__create.sql\t1\t1\t1\nV2__one.sql\t1\t1\t1\n"
                            + "V3__two_more.sql\t2\t1\t1");
            assertThat(query("SELECT uniqExact(installed_by), count(), uniqExact(installed_rank), max(installed_rank)"
                    + " FROM " + database + ".chspring_migrations")).isEqualTo("1\t5\t5\t5");
            // the lease was used: a holder claimed and released it
            assertThat(query("SELECT countIf(released = 1) > 0, uniqExact(token) > 0 FROM " + database
                    + ".chspring_migrations_lease")).isEqualTo("1\t1");
        } finally {
            clients.forEach(ClickHouseClient::close);
            engine.query("DROP DATABASE IF EXISTS " + database);
        }
    }

    private String query(String sql) {
        return engine.query(sql).strip();
    }

}
