package io.chspring.boot.autoconfigure.inserter;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.ClickHouseInserterProperties;
import io.chspring.client.ClickHouseClient;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.Table;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.persistence.autoconfigure.EntityScanner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@link ClickHouseInserterFactory}, which builds Inserters with the
 * {@code clickhouse.inserter.*} options, and, with Spring Data for ClickHouse present, of an {@code Inserter<Entity>}
 * bean for every {@link Table @Table} entity found by entity scanning ({@code @EntityScan}, else the application's
 * packages). {@code clickhouse.inserter.enabled=false} turns it off. Inserters made by the factory are closed (their
 * rows flushed) before the client when the context closes.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class)
@ConditionalOnClass(ClickHouseClient.class)
@ConditionalOnBean(ClickHouseClient.class)
@ConditionalOnBooleanProperty(name = "clickhouse.inserter.enabled", matchIfMissing = true)
public final class ClickHouseInserterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClickHouseInserterFactory clickHouseInserterFactory(ClickHouseClient client,
            ClickHouseInserterProperties properties) {
        return new ClickHouseInserterFactory(client, properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ Table.class, EntityScanner.class })
    static class EntityInserters {

        @Bean
        static InserterBeanRegistrar clickHouseInserterBeanRegistrar() {
            // Table names as Spring Data names them by default: @Table's value, else the class name in snake_case.
            ClickHouseMappingContext mapping = new ClickHouseMappingContext();
            return new InserterBeanRegistrar(Table.class,
                    entity -> mapping.getRequiredPersistentEntity(entity).getTableName());
        }
    }
}
