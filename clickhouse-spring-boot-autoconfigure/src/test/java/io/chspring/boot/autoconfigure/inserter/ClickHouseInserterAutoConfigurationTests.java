package io.chspring.boot.autoconfigure.inserter;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.ClickHouseInserterProperties;
import io.chspring.client.ClickHouseClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ClickHouseInserterAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                    ClickHouseInserterAutoConfiguration.class));

    @Test
    void providesAFactoryOnTheClient() {
        runner.run(context -> assertThat(context.getBean(ClickHouseInserterFactory.class).client())
                .isSameAs(context.getBean(ClickHouseClient.class)));
    }

    @Test
    void backsOffForAUserFactory() {
        runner.withBean("myFactory", ClickHouseInserterFactory.class,
                        () -> new ClickHouseInserterFactory(ClickHouseClient.fromUrl("http://127.0.0.1:1"),
                                new ClickHouseInserterProperties()))
                .run(context -> assertThat(context).hasSingleBean(ClickHouseInserterFactory.class)
                        .hasBean("myFactory"));
    }

    @Test
    void canBeDisabled() {
        runner.withPropertyValues("clickhouse.inserter.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ClickHouseInserterFactory.class));
    }

    @Test
    void backsOffWithoutAClient() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseInserterAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ClickHouseInserterFactory.class));
    }
}
