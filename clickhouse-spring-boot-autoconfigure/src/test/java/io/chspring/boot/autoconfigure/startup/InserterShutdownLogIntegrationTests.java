package io.chspring.boot.autoconfigure.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ResolvableType;

/** Closing the context says, per Inserter bean, how many pending rows it sent and how long that took. */
@ClickHouseIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InserterShutdownLogIntegrationTests {

    @BeforeAll
    static void table(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE readings (id UInt64, ts DateTime) ENGINE = Memory");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pendingRowsFlushedAtShutdownAreLogged(ClickHouseTestDatabase db, CapturedOutput output) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(StartupRoot.class)
                .withPropertyValues("clickhouse.url=" + db.url(), "clickhouse.inserter.period=1h")
                .run(context -> {
                    Inserter<Reading> inserter = (Inserter<Reading>) context.getBeanProvider(
                            ResolvableType.forClassWithGenerics(Inserter.class, Reading.class)).getObject();
                    for (long id = 1; id <= 3; id++) {
                        inserter.write(new Reading(id, Instant.parse("2026-01-01T00:00:00Z")));
                    }
                    assertThat(output.getOut() + output.getErr()).doesNotContain("Inserter 'readingInserter' closed");
                });
        assertThat(db.query("SELECT count() FROM readings").strip()).isEqualTo("3");
        assertThat(output.getOut() + output.getErr()).containsPattern(
                "INFO .*Inserter 'readingInserter' closed in \\d+ ms: 3 pending rows at shutdown, 3 rows committed");
    }
}
