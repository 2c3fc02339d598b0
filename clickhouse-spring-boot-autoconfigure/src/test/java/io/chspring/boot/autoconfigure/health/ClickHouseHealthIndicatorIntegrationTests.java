package io.chspring.boot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ClickHouseIntegrationTest
class ClickHouseHealthIndicatorIntegrationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                    ClickHouseHealthContributorAutoConfiguration.class));

    @Test
    void upWithTheServerVersionAgainstARealServer(ClickHouseTestDatabase db) {
        runner.withPropertyValues("clickhouse.url=" + db.url()).run(context -> {
            Health health = context.getBean("clickhouseHealthContributor", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            String version = context.getBean(ClickHouseClient.class).serverVersion().toString();
            assertThat(health.getDetails()).containsEntry("version", version);
            assertThat(version).matches("\\d+\\.\\d+.*");
        });
    }

    @Test
    void downWithTheErrorWhenTheDatabaseIsGone(ClickHouseTestDatabase db) {
        runner.withPropertyValues("clickhouse.url=" + db.url() + "_missing").run(context -> {
            Health health = context.getBean("clickhouseHealthContributor", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.getDetails().get("error"))).contains("81");
        });
    }

    @Test
    void downWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        runner.withPropertyValues("clickhouse.url=http://127.0.0.1:" + port, "clickhouse.pool.connect-timeout=1s")
                .run(context -> {
                    Health health = context.getBean("clickhouseHealthContributor", HealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKey("error");
                });
    }
}
