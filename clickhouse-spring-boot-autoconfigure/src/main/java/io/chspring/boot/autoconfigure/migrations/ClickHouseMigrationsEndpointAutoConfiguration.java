package io.chspring.boot.autoconfigure.migrations;

import io.chspring.migrations.ClickHouseMigrations;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code clickhousemigrations} Actuator endpoint when Actuator is present and the endpoint
 * is available ({@code management.endpoints.web.exposure.include=clickhousemigrations} for the web).
 */
@AutoConfiguration(after = ClickHouseMigrationsAutoConfiguration.class)
@ConditionalOnClass({ ClickHouseMigrations.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ClickHouseMigrations.class)
@ConditionalOnAvailableEndpoint(ClickHouseMigrationsEndpoint.class)
public final class ClickHouseMigrationsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClickHouseMigrationsEndpoint clickHouseMigrationsEndpoint(ListableBeanFactory beans) {
        return new ClickHouseMigrationsEndpoint(beans.getBeansOfType(ClickHouseMigrations.class));
    }
}
