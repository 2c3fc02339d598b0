package io.chspring.boot.autoconfigure.data.observation;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.OperationObserver;
import io.chspring.data.observation.ClickHouseObservationConvention;
import io.chspring.data.observation.ObservationOperationObserver;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Micrometer observations of the template's operations: with an {@link ObservationRegistry}
 * bean, an {@link ObservationOperationObserver} that the auto-configured template reports every query, statement and
 * insert to (repositories included), named and tagged by the application's {@link ClickHouseObservationConvention}
 * bean, else by the default one.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, ObservationOperationObserver.class })
@ConditionalOnBean({ ObservationRegistry.class, ClickHouseClient.class })
public final class ClickHouseDataObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OperationObserver.class)
    ObservationOperationObserver clickHouseOperationObserver(ObservationRegistry registry,
            ObjectProvider<ClickHouseObservationConvention> convention, ClickHouseClient client) {
        return new ObservationOperationObserver(registry, convention.getIfAvailable(),
                client.config().database().orElse(null));
    }
}
