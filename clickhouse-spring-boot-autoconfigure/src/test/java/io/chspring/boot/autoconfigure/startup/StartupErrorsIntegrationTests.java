package io.chspring.boot.autoconfigure.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** What a new application meets at start-up when its table or its database does not exist yet, on a real server. */
@ClickHouseIntegrationTest
class StartupErrorsIntegrationTests {

    private static ApplicationContextRunner runner(String url) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(StartupRoot.class)
                .withPropertyValues("clickhouse.url=" + url);
    }

    private static String missingDatabase() {
        return "chspring_missing_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
    }

    @Test
    void aMissingTableFailsStartupSayingHowToCreateItFirst(ClickHouseTestDatabase db) {
        runner(db.url()).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            ClickHouseConfigurationException error = find(failure, ClickHouseConfigurationException.class);
            assertThat(error.errorCode()).isEqualTo(60);
            assertThat(error.getMessage())
                    .contains("Inserter<Reading>", "table 'readings' does not exist (UNKNOWN_TABLE)",
                            "clickhouse.migrations", "clickhouse.inserter.lazy-initialization=true",
                            "ObjectProvider<Inserter<Reading>>");
            FailureAnalysis analysis = analyze(failure);
            assertThat(analysis.getDescription()).contains("table 'readings' does not exist (UNKNOWN_TABLE)")
                    .doesNotContain("lazy-initialization");
            assertThat(analysis.getAction()).contains("clickhouse.migrations",
                    "clickhouse.inserter.lazy-initialization=true");
        });
    }

    @Test
    void aMissingDatabaseFailsStartupNamingThePropertyThatCreatesIt(ClickHouseTestDatabase db) {
        runner(db.server().url() + "/" + missingDatabase()).run(context -> {
            assertThat(context).hasFailed();
            ClickHouseConfigurationException error = find(context.getStartupFailure(),
                    ClickHouseConfigurationException.class);
            assertThat(error.errorCode()).isEqualTo(81);
            assertThat(error.getMessage()).contains("UNKNOWN_DATABASE", "clickhouse.create-database=true");
            assertThat(analyze(context.getStartupFailure()).getAction()).contains("clickhouse.create-database=true");
        });
    }

    @Test
    void createDatabaseCreatesTheDatabaseOfTheUrlAtStartup(ClickHouseTestDatabase db) {
        String name = missingDatabase();
        try {
            runner(db.server().url() + "/" + name).withPropertyValues("clickhouse.create-database=true").run(context -> {
                // the database is there, so the Inserter bean got as far as its table, which is the next thing to create
                assertThat(context).hasFailed();
                assertThat(find(context.getStartupFailure(), ClickHouseConfigurationException.class).errorCode())
                        .isEqualTo(60);
            });
            assertThat(db.query("SELECT count() FROM system.databases WHERE name = '" + name + "'").strip())
                    .isEqualTo("1");
            runner(db.server().url() + "/" + name).withPropertyValues("clickhouse.create-database=true",
                    "clickhouse.inserter.enabled=false").run(context -> assertThat(context).hasNotFailed());
        } finally {
            db.query("DROP DATABASE IF EXISTS " + name);
        }
    }

    @Test
    void createDatabaseIsOffByDefault(ClickHouseTestDatabase db) {
        String name = missingDatabase();
        runner(db.server().url() + "/" + name).withPropertyValues("clickhouse.inserter.enabled=false")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(db.query("SELECT count() FROM system.databases WHERE name = '" + name + "'").strip()).isEqualTo("0");
    }

    /** Boot's start-up failure report: the analyzers registered in spring.factories, the first with an answer. */
    private static FailureAnalysis analyze(Throwable failure) throws Exception {
        List<String> names = SpringFactoriesLoader.forDefaultResourceLocation(
                StartupErrorsIntegrationTests.class.getClassLoader()).load(FailureAnalyzer.class,
                        (type, implementation, e) -> { }).stream().map(a -> a.getClass().getName()).toList();
        assertThat(names).contains("io.chspring.boot.autoconfigure.inserter.InserterStartupFailureAnalyzer");
        Constructor<?> constructor = Class.forName(
                "io.chspring.boot.autoconfigure.inserter.InserterStartupFailureAnalyzer").getDeclaredConstructor();
        constructor.setAccessible(true);
        FailureAnalysis analysis = ((FailureAnalyzer) constructor.newInstance()).analyze(failure);
        assertThat(analysis).as("analysis of " + failure).isNotNull();
        return analysis;
    }

    private static <E extends ClickHouseException> E find(Throwable failure, Class<E> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }
}
