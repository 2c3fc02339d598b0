package io.chspring.sample;

import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterFactory;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.insert.Inserter;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** TEMPORARY until the data auto-configuration lands. */
@Configuration(proxyBeanMethods = false)
@EnableClickHouseRepositories
class TemporaryDataConfiguration {

    @Bean
    ClickHouseTemplate clickHouseTemplate(ClickHouseClient client) {
        return new ClickHouseTemplate(client);
    }

    @Bean(destroyMethod = "close")
    Inserter<PageView> pageViewInserter(ClickHouseInserterFactory factory) {
        return factory.create("page_views", PageView.class);
    }
}
