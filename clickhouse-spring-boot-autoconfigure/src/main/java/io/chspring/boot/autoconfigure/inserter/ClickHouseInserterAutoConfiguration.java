package io.chspring.boot.autoconfigure.inserter;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.ClickHouseInserterProperties;
import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.Table;
import org.springframework.beans.factory.ObjectProvider;
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
 * packages), mapped by Spring Data ({@link ClickHouseOperations#inserter}: the application's mapping context names
 * the table and the columns, {@code @Transient} and {@code @ReadOnlyProperty} are honoured).
 * {@code clickhouse.inserter.enabled=false} turns it off. Inserters made by the factory are closed (their rows
 * flushed) before the client when the context closes.
 *
 * <p>Each Inserter bean reads its table's columns ({@code DESCRIBE TABLE}) when it is created, so, like a connection
 * pool that fails its initialization by default, the application fails to start when ClickHouse is unreachable or a
 * table does not match its entity. To start without ClickHouse, set {@code clickhouse.inserter.lazy-initialization}
 * and look the Inserters up late ({@code ObjectProvider<Inserter<Entity>>}): each is then created, and its table
 * checked, on first use.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class,
        afterName = "io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration")
@ConditionalOnClass(ClickHouseClient.class)
@ConditionalOnBean(ClickHouseClient.class)
@ConditionalOnBooleanProperty(name = "clickhouse.inserter.enabled", matchIfMissing = true)
public final class ClickHouseInserterAutoConfiguration {

    /** Logs, per Inserter bean, what it sent of its pending rows when the context closes. */
    @Bean
    static InserterShutdownLogger clickHouseInserterShutdownLogger() {
        return new InserterShutdownLogger();
    }

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
            return new InserterBeanRegistrar(Table.class, EntityInserterFactory.class);
        }

        /**
         * Maps entities with the application's {@link ClickHouseOperations} (the template of
         * {@code ClickHouseDataAutoConfiguration}, so its mapping context and naming strategy); without one, with a
         * template over the application's mapping context, else a default one.
         */
        @Bean
        @ConditionalOnMissingBean
        EntityInserterFactory clickHouseEntityInserterFactory(ClickHouseInserterFactory inserters,
                ObjectProvider<ClickHouseOperations> operations, ObjectProvider<ClickHouseMappingContext> mapping,
                ClickHouseClient client) {
            return new EntityInserterFactory(inserters, operations.getIfUnique(() -> new ClickHouseTemplate(client,
                    mapping.getIfUnique(ClickHouseMappingContext::new))));
        }
    }
}
