package io.chspring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.RequestListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ClickHouseMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(ClickHouseAutoConfiguration.class, ClickHouseMetricsAutoConfiguration.class));

    @Test
    void wiresRequestMetricsIntoTheClientWhenARegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(ClickHouseRequestMetrics.class)
                    .hasSingleBean(ClickHouseInserterMetrics.class);
            assertThat(context.getBean(ClickHouseClient.class).config().requestListener())
                    .containsSame(context.getBean(ClickHouseRequestMetrics.class));
        });
    }

    @Test
    void combinesSeveralRequestListeners() {
        RequestListener own = event -> { };
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("ownListener", RequestListener.class, () -> own)
                .run(context -> assertThat(context.getBean(ClickHouseClient.class).config().requestListener())
                        .isPresent().get().isNotSameAs(own).isNotInstanceOf(ClickHouseRequestMetrics.class));
    }

    @Test
    void backsOffForUserMetricsBeans() {
        ClickHouseRequestMetrics own = new ClickHouseRequestMetrics(new SimpleMeterRegistry());
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ClickHouseRequestMetrics.class, () -> own)
                .run(context -> assertThat(context.getBean(ClickHouseRequestMetrics.class)).isSameAs(own));
    }

    @Test
    void backsOffWithoutARegistryBean() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ClickHouseRequestMetrics.class);
            assertThat(context.getBean(ClickHouseClient.class).config().requestListener()).isEmpty();
        });
    }

    @Test
    void backsOffWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasSingleBean(ClickHouseClient.class)
                        .doesNotHaveBean(ClickHouseRequestMetrics.class));
    }
}
