package io.chspring.boot.autoconfigure;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.RequestListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the pooled {@link ClickHouseClient}: connection details from {@code clickhouse.*} (or a
 * {@link ClickHouseConnectionDetails} bean), then {@link ClickHouseClientBuilderCustomizer} and
 * {@link ClickHouseHttpClientBuilderCustomizer} beans, and every {@link RequestListener} bean (metrics). The client
 * closes its pool when the context closes.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(ClickHouseClient.class)
@EnableConfigurationProperties({ ClickHouseProperties.class, ClickHouseInserterProperties.class })
public final class ClickHouseAutoConfiguration {

    private final ClickHouseProperties properties;

    ClickHouseAutoConfiguration(ClickHouseProperties properties) {
        this.properties = properties;
    }

    @Bean
    @ConditionalOnMissingBean(ClickHouseConnectionDetails.class)
    PropertiesClickHouseConnectionDetails clickHouseConnectionDetails() {
        return new PropertiesClickHouseConnectionDetails(properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ClickHouseClient clickHouseClient(ClickHouseConnectionDetails connectionDetails,
            ObjectProvider<SslBundles> sslBundles, ObjectProvider<ClickHouseClientBuilderCustomizer> customizers,
            ObjectProvider<ClickHouseHttpClientBuilderCustomizer> httpCustomizers,
            ObjectProvider<RequestListener> requestListeners) {
        ClickHouseClient client = new ClickHouseClientFactory(properties, connectionDetails,
                sslBundles.getIfAvailable()).create(customizers.orderedStream().toList(),
                        httpCustomizers.orderedStream().toList(), requestListeners.orderedStream().toList());
        if (properties.isCreateDatabase()) {
            try {
                DatabaseCreator.createIfMissing(client);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }
        return client;
    }
}
