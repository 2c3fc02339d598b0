package io.chspring.boot.autoconfigure.data;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.ClickHouseProperties;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.Table;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScanner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Spring Data for ClickHouse: the mapping context, with the {@link Table @Table} entities found
 * by entity scanning as its initial entity set (so mapping errors show at startup), and the
 * {@link ClickHouseTemplate}.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class)
@ConditionalOnClass({ ClickHouseClient.class, ClickHouseTemplate.class, EntityScanner.class })
@ConditionalOnBean(ClickHouseClient.class)
@EnableConfigurationProperties(ClickHouseProperties.class)
public final class ClickHouseDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClickHouseMappingContext clickHouseMappingContext(ApplicationContext context) throws ClassNotFoundException {
        ClickHouseMappingContext mappingContext = new ClickHouseMappingContext();
        mappingContext.setInitialEntitySet(new EntityScanner(context).scan(Table.class));
        return mappingContext;
    }

    @Bean
    @ConditionalOnMissingBean(ClickHouseOperations.class)
    ClickHouseTemplate clickHouseTemplate(ClickHouseClient client, ClickHouseMappingContext mappingContext,
            ClickHouseProperties properties) {
        ClickHouseTemplate template = new ClickHouseTemplate(client, mappingContext);
        if (properties.getMapping().isTruncateFractionalSeconds()) {
            template.setWriteOptions(MappingOptions.DEFAULT.withCodecOptions(
                    CodecOptions.DEFAULT.withTruncateFractionalSeconds(true)));
        }
        return template;
    }
}
