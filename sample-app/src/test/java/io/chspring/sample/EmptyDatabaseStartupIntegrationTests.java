package io.chspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample starts on an empty database, on the 18.16 server and on the embedded engine, with its table created by
 * its migration ({@code db/clickhouse/V1__page_views.sql}) before the Inserter bean reads the table's columns; a
 * second start applies nothing; the Actuator endpoint lists the migration.
 */
@ClickHouseEngines
class EmptyDatabaseStartupIntegrationTests {

    @Parameter
    EngineTarget engine;

    @Test
    void startsOnAnEmptyDatabaseWithItsSchemaFromTheMigration() {
        assertThat(engine.query("SELECT count() FROM system.tables WHERE database = '" + engine.database() + "'")
                .strip()).isEqualTo("0");

        try (ConfigurableApplicationContext context = start()) {
            SampleHttp http = new SampleHttp(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(http.post("/events", "{\"path\": \"/a\", \"userId\": \"u1\"}").status()).isEqualTo(202);
            SampleHttp.Response endpoint = http.get("/actuator/clickhousemigrations");
            assertThat(endpoint.status()).isEqualTo(200);
            assertThat(endpoint.body()).contains("\"script\":\"V1__page_views.sql\"").contains("\"success\":true")
                    .contains("\"pending\":[]");
        }
        assertThat(engine.query("SELECT count() FROM page_views").strip()).isEqualTo("1");
        assertThat(engine.query("SELECT script, success, statements_applied FROM chspring_migrations"))
                .isEqualTo("V1__page_views.sql\t1\t1\n");

        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(io.chspring.boot.autoconfigure.migrations.ClickHouseMigrationsInitializer.class)
                    .getReport().applied()).isEmpty();
        }
        assertThat(engine.query("SELECT count() FROM chspring_migrations").strip()).isEqualTo("1");
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments: builder properties rank below application.yml
        return new SpringApplicationBuilder(SampleApplication.class)
                .run("--server.port=0", "--clickhouse.url=" + engine.url(),
                        "--management.endpoints.web.exposure.include=health,clickhousemigrations");
    }
}
