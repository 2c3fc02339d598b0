package io.chspring.boot.autoconfigure.data;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.ClickHouseProperties;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.data.convert.ClickHouseCustomConversions;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.core.OperationObserver;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.Table;
import org.springframework.beans.factory.ObjectProvider;
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
 * by entity scanning as its initial entity set (so mapping errors show at startup), the
 * {@link ClickHouseCustomConversions} (none unless the application defines that bean: its value types then count as
 * single columns in the mapping context), and the {@link ClickHouseTemplate} applying them, which the repositories
 * and the {@code Inserter<Entity>} beans go through. The template runs the application's entity callbacks, and
 * reports its operations to the {@code OperationObserver} bean when there is one.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class)
@ConditionalOnClass({ ClickHouseClient.class, ClickHouseTemplate.class, EntityScanner.class })
@ConditionalOnBean(ClickHouseClient.class)
@EnableConfigurationProperties(ClickHouseProperties.class)
public final class ClickHouseDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClickHouseCustomConversions clickHouseCustomConversions() {
        return ClickHouseCustomConversions.none();
    }

    @Bean
    @ConditionalOnMissingBean
    ClickHouseMappingContext clickHouseMappingContext(ApplicationContext context,
            ClickHouseCustomConversions conversions) throws ClassNotFoundException {
        ClickHouseMappingContext mappingContext = new ClickHouseMappingContext();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mappingContext.setInitialEntitySet(new EntityScanner(context).scan(Table.class));
        return mappingContext;
    }

    @Bean
    @ConditionalOnMissingBean(ClickHouseOperations.class)
    ClickHouseTemplate clickHouseTemplate(ClickHouseClient client, ClickHouseMappingContext mappingContext,
            ClickHouseCustomConversions conversions, ClickHouseProperties properties,
            ObjectProvider<OperationObserver> observer) {
        ClickHouseTemplate template = new ClickHouseTemplate(client, mappingContext, conversions);
        observer.ifAvailable(template::setOperationObserver);
        if (properties.getMapping().isTruncateFractionalSeconds()) {
            template.setWriteOptions(MappingOptions.DEFAULT.withCodecOptions(
                    CodecOptions.DEFAULT.withTruncateFractionalSeconds(true)));
        }
        return template;
    }
}
