package io.chspring.boot.autoconfigure.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.app.Event;
import io.chspring.boot.autoconfigure.app.EventRepository;
import io.chspring.boot.autoconfigure.app.PageView;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseRepositoriesAutoConfiguration;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.migrations.AppliedMigration;
import io.chspring.migrations.ClickHouseMigrations;
import io.chspring.migrations.MigrationException;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The migrations auto-configuration against a real server: scripts run before the template and the Inserter beans
 * (which read their tables' columns when created, so the context would not start otherwise), a failing script stops
 * the startup naming it, and the Actuator endpoint lists the history.
 */
@ClickHouseIntegrationTest
class ClickHouseMigrationsAutoConfigurationIntegrationTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ClickHouseTestDatabase db;
    private String database;

    ClickHouseMigrationsAutoConfigurationIntegrationTests(ClickHouseTestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void database() {
        database = db.name() + "_b" + DATABASES.incrementAndGet();
        db.query("CREATE DATABASE " + database);
    }

    @AfterEach
    void drop() {
        db.query("DROP DATABASE IF EXISTS " + database);
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseRepositoriesAutoConfiguration.class,
                        ClickHouseInserterAutoConfiguration.class, ClickHouseMigrationsAutoConfiguration.class,
                        EndpointAutoConfiguration.class, ClickHouseMigrationsEndpointAutoConfiguration.class))
                .withUserConfiguration(ScanRoot.class)
                .withPropertyValues("clickhouse.url=" + db.url(db.server().defaultUser()),
                        "clickhouse.database=" + database,
                        "clickhouse.migrations.locations=classpath:db/migrations-it",
                        "clickhouse.migrations.placeholders.start_page=home",
                        "management.endpoints.web.exposure.include=clickhousemigrations");
    }

    @Test
    void scriptsRunBeforeTheTemplateAndTheInserterBeans() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            String[] inserterDependsOn = context.getBeanFactory().getBeanDefinition("eventInserter").getDependsOn();
            assertThat(inserterDependsOn).contains(ClickHouseMigrationsAutoConfiguration.INITIALIZER_BEAN_NAME);
            assertThat(Arrays.asList(context.getBeanFactory().getBeanDefinition("clickHouseTemplate").getDependsOn()))
                    .contains(ClickHouseMigrationsAutoConfiguration.INITIALIZER_BEAN_NAME);
            String[] repositories = context.getBeanNamesForType(EventRepository.class);
            assertThat(repositories).hasSize(1);
            assertThat(context.getBeanFactory().getBeanDefinition(repositories[0]).getDependsOn())
                    .contains(ClickHouseMigrationsAutoConfiguration.INITIALIZER_BEAN_NAME);
            assertThat(context.getBean(ClickHouseMigrationsInitializer.class).getReport().appliedScripts())
                    .containsExactly("V1__events.sql", "V2__page_view.sql");
            assertThat(context.getBeanProvider(org.springframework.core.ResolvableType.forClassWithGenerics(
                    Inserter.class, Event.class)).getIfAvailable()).isNotNull();
            assertThat(context.getBeanProvider(org.springframework.core.ResolvableType.forClassWithGenerics(
                    Inserter.class, PageView.class)).getIfAvailable()).isNotNull();
            assertThat(context.getBean(ClickHouseOperations.class).getTableName(PageView.class))
                    .isEqualTo("page_view");
        });
        assertThat(db.query("SELECT url FROM " + database + ".page_view").strip()).isEqualTo("/home");
        // a second start applies nothing
        runner().run(context -> assertThat(context.getBean(ClickHouseMigrationsInitializer.class).getReport()
                .applied()).isEmpty());
    }

    @Test
    void aFailingScriptStopsTheStartupNamingTheFileAndStatement() {
        runner().withPropertyValues("clickhouse.migrations.locations=classpath:db/migrations-broken").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof MigrationException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isNotNull().hasMessageContaining("V1__events.sql (classpath:db/migrations-broken):"
                    + " statement 2 of 2 (line 2) failed: CREATE TABLE page_view").hasMessageContaining("NoSuchEngine");
        });
    }

    @Test
    void scriptsRunAtStartupAlsoWithLazyInitialization() {
        runner().withPropertyValues("clickhouse.inserter.enabled=false")
                .withInitializer(context -> context.addBeanFactoryPostProcessor(
                        new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(db.query("SELECT count() FROM " + database + ".page_view").strip()).isEqualTo("1");
    }

    @Test
    void withoutALocationOrWhenDisabledNothingIsConfigured() {
        runner().withPropertyValues("clickhouse.migrations.locations=classpath:db/no-such-dir",
                "clickhouse.inserter.enabled=false").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ClickHouseMigrations.class)
                            .doesNotHaveBean(MigrationsDependencyPostProcessor.class);
                });
        runner().withPropertyValues("clickhouse.migrations.enabled=false", "clickhouse.inserter.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ClickHouseMigrations.class));
        assertThat(db.query("SELECT count() FROM system.tables WHERE database = '" + database + "'").strip())
                .isEqualTo("0");
    }

    @Test
    void theEndpointListsTheHistoryAndWhatIsPending() {
        runner().run(context -> {
            Map<String, ClickHouseMigrationsEndpoint.MigrationsDescriptor> result = context
                    .getBean(ClickHouseMigrationsEndpoint.class).migrations();
            assertThat(result).containsOnlyKeys("clickHouseMigrations");
            assertThat(result.get("clickHouseMigrations").migrations()).extracting(AppliedMigration::script)
                    .containsExactly("V1__events.sql", "V2__page_view.sql");
            assertThat(result.get("clickHouseMigrations").migrations()).allMatch(AppliedMigration::success);
            assertThat(result.get("clickHouseMigrations").pending()).isEmpty();
        });
        runner().withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(ClickHouseMigrationsEndpoint.class));
    }
}
