package io.chspring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ClickHouseIntegrationTest
class ClickHouseMetricsIntegrationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                    ClickHouseMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void recordsLatencyOutcomeAndBytesOfRealRequests(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE metered (id UInt32, name String) ENGINE = Memory");
        byte[] rows = "1\tone\n2\ttwo\n3\tthree\n".getBytes(StandardCharsets.UTF_8);
        runner.withPropertyValues("clickhouse.url=" + db.url()).run(context -> {
            ClickHouseClient client = context.getBean(ClickHouseClient.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            client.insert("metered").format("TabSeparated").send(out -> out.write(rows));
            String read = client.query("SELECT id, name FROM metered ORDER BY id").fetchString("TabSeparated");
            assertThatThrownBy(() -> client.query("SELECT nope FROM metered").fetchString("TabSeparated"))
                    .isInstanceOf(ClickHouseServerException.class);

            assertThat(read).isEqualTo("1\tone\n2\ttwo\n3\tthree\n");
            Timer inserts = registry.get(ClickHouseRequestMetrics.REQUESTS).tag("operation", "insert")
                    .tag("outcome", "success").tag("endpoint", client.config().endpoint().authority()).timer();
            assertThat(inserts.count()).isEqualTo(1);
            assertThat(registry.get(ClickHouseRequestMetrics.REQUESTS).tag("operation", "query")
                    .tag("outcome", "error").tag("exception", "ClickHouseServerException").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(ClickHouseRequestMetrics.BYTES_SENT).tag("operation", "insert").counter()
                    .count()).isEqualTo(rows.length);
            // The version lookup also reads a few bytes as a query; the SELECT read exactly the rows' bytes.
            assertThat(registry.get(ClickHouseRequestMetrics.BYTES_RECEIVED).tag("operation", "query").counter()
                    .count()).isGreaterThanOrEqualTo(read.length());
        });
    }
}
