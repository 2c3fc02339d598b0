package io.chspring.boot.autoconfigure.metrics;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Micrometer metrics for the client's requests and the Inserters, when Micrometer and a
 * {@link MeterRegistry} bean are present. The request metrics reach the client as a
 * {@link io.chspring.client.RequestListener} bean.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ ClickHouseClient.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
public final class ClickHouseMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClickHouseRequestMetrics clickHouseRequestMetrics(MeterRegistry registry) {
        return new ClickHouseRequestMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    ClickHouseInserterMetrics clickHouseInserterMetrics(ListableBeanFactory beanFactory) {
        return new ClickHouseInserterMetrics(beanFactory);
    }
}
