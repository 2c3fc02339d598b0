package io.chspring.boot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ClickHouseHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                    ClickHouseHealthContributorAutoConfiguration.class));

    @Test
    void registersTheClickhouseIndicator() {
        runner.run(context -> assertThat(context).hasSingleBean(ClickHouseHealthIndicator.class)
                .hasBean("clickhouseHealthContributor"));
    }

    @Test
    void makesACompositeForSeveralClients() {
        ApplicationContextRunner twoClients = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseHealthContributorAutoConfiguration.class))
                .withBean("primary", ClickHouseClient.class, () -> ClickHouseClient.fromUrl("http://127.0.0.1:1"))
                .withBean("audit", ClickHouseClient.class, () -> ClickHouseClient.fromUrl("http://127.0.0.1:2"));
        twoClients.run(context -> {
            CompositeHealthContributor composite = context.getBean(CompositeHealthContributor.class);
            assertThat(composite.getContributor("primary")).isInstanceOf(ClickHouseHealthIndicator.class);
            assertThat(composite.getContributor("audit")).isInstanceOf(ClickHouseHealthIndicator.class);
        });
    }

    @Test
    void backsOffForAUserIndicatorOfTheSameName() {
        HealthIndicator own = () -> Health.up().build();
        runner.withBean("clickhouseHealthIndicator", HealthIndicator.class, () -> own)
                .run(context -> assertThat(context).doesNotHaveBean(ClickHouseHealthIndicator.class)
                        .doesNotHaveBean("clickhouseHealthContributor"));
    }

    @Test
    void canBeDisabled() {
        runner.withPropertyValues("management.health.clickhouse.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("clickhouseHealthContributor"));
    }

    @Test
    void backsOffWithoutSpringBootHealth() {
        runner.withClassLoader(new FilteredClassLoader(ConditionalOnEnabledHealthIndicator.class))
                .run(context -> assertThat(context).hasSingleBean(ClickHouseClient.class)
                        .doesNotHaveBean("clickhouseHealthContributor"));
    }

    @Test
    void backsOffWithoutAClient() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseHealthContributorAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("clickhouseHealthContributor"));
    }
}
