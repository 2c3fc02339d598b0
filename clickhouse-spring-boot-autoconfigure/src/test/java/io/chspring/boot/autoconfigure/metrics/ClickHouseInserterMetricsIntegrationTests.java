package io.chspring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ClickHouseIntegrationTest
class ClickHouseInserterMetricsIntegrationTests {

    @Test
    void exposesTheStatsOfEveryInserterBean(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE bytes (b UInt8) ENGINE = Memory");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                        ClickHouseAutoConfiguration.class, ClickHouseMetricsAutoConfiguration.class))
                .withPropertyValues("clickhouse.url=" + db.url())
                .withUserConfiguration(ByteInserterConfiguration.class)
                .run(context -> {
                    Inserter<Integer> inserter = context.getBean(ByteInserterConfiguration.class).inserter;
                    List.of(1, 2, 3).forEach(inserter::write);
                    inserter.flush();
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("clickhouse.inserter.rows").tag("inserter", "byteInserter")
                            .functionCounter().count()).isEqualTo(3);
                    assertThat(registry.get("clickhouse.inserter.bytes").functionCounter().count()).isEqualTo(3);
                    assertThat(registry.get("clickhouse.inserter.commits").functionCounter().count()).isEqualTo(1);
                    assertThat(registry.get("clickhouse.inserter.failures").functionCounter().count()).isZero();
                    assertThat(registry.get("clickhouse.inserter.buffered.rows").gauge().value()).isZero();
                    assertThat(registry.get("clickhouse.inserter.spooled.batches").functionCounter().count()).isZero();
                    assertThat(db.query("SELECT sum(b) FROM bytes").strip()).isEqualTo("6");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class ByteInserterConfiguration {

        Inserter<Integer> inserter;

        @Bean
        Inserter<Integer> byteInserter(ClickHouseClient client) {
            inserter = create(client);
            return inserter;
        }
    }

    private static Inserter<Integer> create(ClickHouseClient client) {
        return Inserter.<Integer>builder("bytes", List.of("b"), (row, out) -> out.write(row),
                        batch -> client.insert("bytes").columns(batch.columns()).format("RowBinary")
                                .send(batch::writeTo))
                .shutdownHook(false).build();
    }
}
