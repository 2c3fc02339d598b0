package io.chspring.boot.autoconfigure.data.observation;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.ClickHouseClientBuilderCustomizer;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.data.core.OperationObserver;
import io.chspring.data.observation.ClickHouseBatchObservationConvention;
import io.chspring.data.observation.ClickHouseObservationConvention;
import io.chspring.data.observation.ClickHouseRequestObservationConvention;
import io.chspring.data.observation.ObservationClickHouseObserver;
import io.chspring.data.observation.ObservationOperationObserver;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Micrometer observations, with an {@link ObservationRegistry} bean: an
 * {@link ObservationOperationObserver} that the auto-configured template reports every query, statement and insert to
 * (repositories included), named and tagged by the application's {@link ClickHouseObservationConvention} bean, else by
 * the default one; and an {@link ObservationClickHouseObserver} given to the auto-configured client, which observes
 * every request it sends ({@code clickhouse.request}, the child of the template's operation when there is one) and
 * every batch of its Inserters ({@code clickhouse.inserter.batch}), with the application's
 * {@link ClickHouseRequestObservationConvention} and {@link ClickHouseBatchObservationConvention} beans when it has
 * them. With Micrometer Tracing the client also sends each request's trace context to the server.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, ObservationOperationObserver.class })
@ConditionalOnBean({ ObservationRegistry.class, ClickHouseClient.class })
@EnableConfigurationProperties(ClickHouseObservationProperties.class)
public final class ClickHouseDataObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OperationObserver.class)
    ObservationOperationObserver clickHouseOperationObserver(ObservationRegistry registry,
            ObjectProvider<ClickHouseObservationConvention> convention, ClickHouseClient client,
            ClickHouseObservationProperties properties) {
        return new ObservationOperationObserver(registry, convention.getIfAvailable(),
                client.config().database().orElse(null), properties.isIncludeQueryText());
    }

    @Bean
    @ConditionalOnMissingBean(ClickHouseObserver.class)
    ObservationClickHouseObserver clickHouseObserver(ObservationRegistry registry,
            ObjectProvider<ClickHouseRequestObservationConvention> requestConvention,
            ObjectProvider<ClickHouseBatchObservationConvention> batchConvention,
            ClickHouseObservationProperties properties) {
        return new ObservationClickHouseObserver(registry, requestConvention.getIfAvailable(),
                batchConvention.getIfAvailable(), properties.isIncludeQueryText());
    }

    /** Gives the auto-configured client the observer (the application's own {@link ClickHouseObserver} bean wins). */
    @Bean
    ClickHouseClientBuilderCustomizer clickHouseObserverCustomizer(ObjectProvider<ClickHouseObserver> observer) {
        return builder -> observer.ifUnique(builder::observer);
    }
}
