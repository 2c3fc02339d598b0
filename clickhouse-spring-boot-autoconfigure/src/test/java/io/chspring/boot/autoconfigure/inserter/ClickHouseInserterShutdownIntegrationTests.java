package io.chspring.boot.autoconfigure.inserter;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ClickHouseIntegrationTest
class ClickHouseInserterShutdownIntegrationTests {

    @Test
    void rowsWrittenRightBeforeCloseLandBeforeTheClientCloses(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE readings (sensor UInt32, value Float64) ENGINE = Memory");
        ClickHouseClient[] client = new ClickHouseClient[1];
        Inserter<?>[] inserter = new Inserter<?>[1];
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(Readings.class)
                // Nothing is sent before the context closes: the period and the batch size are out of reach.
                .withPropertyValues("clickhouse.url=" + db.url(), "clickhouse.inserter.period=1h",
                        "clickhouse.inserter.max-rows=1000000")
                .run(context -> {
                    Inserter<Reading> readings = context.getBean(Readings.class).inserter;
                    LongStream.rangeClosed(1, 1000).forEach(i -> readings.write(new Reading(i, i / 2.0)));
                    assertThat(readings.stats().bufferedRows()).isEqualTo(1000);
                    assertThat(db.query("SELECT count() FROM readings").strip()).isEqualTo("0");
                    client[0] = context.getBean(ClickHouseClient.class);
                    inserter[0] = readings;
                });
        // Had the client closed first, the final batch would have failed and gone to the spool instead.
        assertThat(db.query("SELECT count(), sum(sensor) FROM readings").strip()).isEqualTo("1000\t500500");
        assertThat(inserter[0].stats().committedRows()).isEqualTo(1000);
        assertThat(inserter[0].stats().spooledBatches()).isZero();
        assertThat(client[0].isClosed()).isTrue();
    }

    record Reading(long sensor, double value) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Readings {

        Inserter<Reading> inserter;

        @Bean
        Inserter<Reading> readingInserter(ClickHouseInserterFactory factory) {
            inserter = factory.create("readings", Reading.class);
            return inserter;
        }
    }
}
