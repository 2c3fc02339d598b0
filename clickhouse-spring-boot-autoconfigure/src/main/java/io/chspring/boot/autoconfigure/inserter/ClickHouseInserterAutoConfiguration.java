package io.chspring.boot.autoconfigure.inserter;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.ClickHouseInserterProperties;
import io.chspring.client.ClickHouseClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link ClickHouseInserterFactory}, which builds Inserters with the
 * {@code clickhouse.inserter.*} options; {@code clickhouse.inserter.enabled=false} turns it off. Inserters made by the
 * factory are closed (their rows flushed) before the client when the context closes.
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
}
