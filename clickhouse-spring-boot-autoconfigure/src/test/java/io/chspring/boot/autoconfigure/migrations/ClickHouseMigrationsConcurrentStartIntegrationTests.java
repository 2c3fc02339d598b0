package io.chspring.boot.autoconfigure.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Four application contexts (each with its client, template and Inserter beans) start at the same moment against
 * one empty database, 20 times: the scripts run once (V1 creates a table without {@code IF NOT EXISTS}, V2 inserts a
 * row), every context starts, and its Inserter beans found the tables.
 */
@ClickHouseIntegrationTest
class ClickHouseMigrationsConcurrentStartIntegrationTests {

    private static final int CONTEXTS = 4;
    private static final int REPETITIONS = 20;

    @Test
    void fourContextsStartingTogetherRunEachScriptOnce(ClickHouseTestDatabase db) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONTEXTS);
        try {
            for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
                String database = db.name() + "_r" + repetition;
                db.query("CREATE DATABASE " + database);
                ApplicationContextRunner runner = new ApplicationContextRunner()
                        .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                                ClickHouseDataAutoConfiguration.class, ClickHouseInserterAutoConfiguration.class,
                                ClickHouseMigrationsAutoConfiguration.class))
                        .withUserConfiguration(ScanRoot.class)
                        .withPropertyValues("clickhouse.url=" + db.url(db.server().defaultUser()),
                                "clickhouse.database=" + database,
                                "clickhouse.migrations.locations=classpath:db/migrations-it",
                                "clickhouse.migrations.placeholders.start_page=home");
                CyclicBarrier start = new CyclicBarrier(CONTEXTS);
                List<Future<List<String>>> contexts = new ArrayList<>();
                for (int i = 0; i < CONTEXTS; i++) {
                    contexts.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        List<List<String>> applied = new ArrayList<>();
                        runner.run(context -> {
                            assertThat(context).hasNotFailed().hasBean("eventInserter").hasBean("pageViewInserter");
                            applied.add(context.getBean(ClickHouseMigrationsInitializer.class).getReport()
                                    .appliedScripts());
                        });
                        return applied.get(0);
                    }));
                }
                List<String> applied = new ArrayList<>();
                for (Future<List<String>> context : contexts) {
                    applied.addAll(context.get(120, TimeUnit.SECONDS));
                }
                assertThat(applied).as(database).containsExactlyInAnyOrder("V1__events.sql", "V2__page_view.sql");
                assertThat(db.query("SELECT count() FROM " + database + ".page_view").strip()).isEqualTo("1");
                assertThat(db.query("SELECT script, count(), sum(success) FROM " + database
                        + ".chspring_migrations GROUP BY script ORDER BY script")).as(database)
                        .isEqualTo("V1__events.sql\t1\t1\nV2__page_view.sql\t2\t1\n");
                db.query("DROP DATABASE " + database);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
