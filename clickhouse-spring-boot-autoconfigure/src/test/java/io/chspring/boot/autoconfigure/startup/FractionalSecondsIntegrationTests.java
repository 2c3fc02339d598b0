package io.chspring.boot.autoconfigure.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;

/** {@code Instant.now()} into a {@code DateTime} column: refused with the ways out, or truncated when asked. */
@ClickHouseIntegrationTest
class FractionalSecondsIntegrationTests {

    private static final Instant WITH_FRACTION = Instant.parse("2026-12-06T20:00:00.987654Z");

    @BeforeEach
    void table(ClickHouseTestDatabase db) {
        db.query("DROP TABLE IF EXISTS readings");
        db.query("CREATE TABLE readings (id UInt64, ts DateTime) ENGINE = Memory");
    }

    private static ApplicationContextRunner runner(ClickHouseTestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(StartupRoot.class)
                .withPropertyValues("clickhouse.url=" + db.url());
    }

    @SuppressWarnings("unchecked")
    private static Inserter<Reading> inserter(org.springframework.context.ApplicationContext context) {
        return (Inserter<Reading>) context.getBeanProvider(ResolvableType.forClassWithGenerics(Inserter.class,
                Reading.class)).getObject();
    }

    @Test
    void byDefaultAFractionIsRefusedWithTheWaysOut(ClickHouseTestDatabase db) {
        runner(db).run(context -> {
            assertThatThrownBy(() -> inserter(context).write(new Reading(1, WITH_FRACTION)))
                    .isInstanceOf(ClickHouseSchemaException.class)
                    .hasMessageContaining("DateTime")
                    .hasMessageContaining("truncatedTo(ChronoUnit.SECONDS)")
                    .hasMessageContaining("DateTime64")
                    .hasMessageContaining("clickhouse.mapping.truncate-fractional-seconds=true");
            assertThatThrownBy(() -> context.getBean(ClickHouseTemplate.class).insert(new Reading(2, WITH_FRACTION)))
                    .hasMessageContaining("clickhouse.mapping.truncate-fractional-seconds=true");
        });
        assertThat(db.query("SELECT count() FROM readings").strip()).isEqualTo("0");
    }

    @Test
    void theOptInTruncatesToWholeSecondsThroughTheInserterAndTheTemplate(ClickHouseTestDatabase db) {
        runner(db).withPropertyValues("clickhouse.mapping.truncate-fractional-seconds=true").run(context -> {
            Inserter<Reading> inserter = inserter(context);
            inserter.write(new Reading(1, WITH_FRACTION));
            inserter.flush();
            context.getBean(ClickHouseTemplate.class).insert(new Reading(2, WITH_FRACTION));
        });
        // the server's time zone is UTC; the .987654 is gone, and the second is not rounded up to :01
        assertThat(db.query("SELECT id, toString(ts) FROM readings ORDER BY id"))
                .isEqualTo("1\t2026-12-06 20:00:00\n2\t2026-12-06 20:00:00\n");
    }
}
