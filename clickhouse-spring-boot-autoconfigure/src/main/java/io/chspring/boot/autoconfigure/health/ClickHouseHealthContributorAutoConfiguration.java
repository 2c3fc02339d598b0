package io.chspring.boot.autoconfigure.health;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code clickhouse} health indicator (one per {@link ClickHouseClient} bean) when
 * Spring Boot's health support is present; {@code management.health.clickhouse.enabled=false} turns it off.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class)
@ConditionalOnClass({ ClickHouseClient.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ClickHouseClient.class)
@ConditionalOnEnabledHealthIndicator("clickhouse")
public final class ClickHouseHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<ClickHouseHealthIndicator, ClickHouseClient> {

    ClickHouseHealthContributorAutoConfiguration() {
        super(ClickHouseHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = { "clickhouseHealthIndicator", "clickhouseHealthContributor" })
    HealthContributor clickhouseHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, ClickHouseClient.class);
    }
}
