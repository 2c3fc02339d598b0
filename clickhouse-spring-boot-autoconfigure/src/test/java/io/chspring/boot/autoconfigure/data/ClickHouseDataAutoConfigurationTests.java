package io.chspring.boot.autoconfigure.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.app.Event;
import io.chspring.boot.autoconfigure.app.EventRepository;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ClickHouseDataAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                    ClickHouseDataAutoConfiguration.class, ClickHouseRepositoriesAutoConfiguration.class))
            .withUserConfiguration(ScanRoot.class);

    @Test
    void providesTheTemplateOnTheClientAndAMappingContextWithTheScannedEntities() {
        runner.run(context -> {
            ClickHouseTemplate template = context.getBean(ClickHouseTemplate.class);
            assertThat(template.getClient()).isSameAs(context.getBean(ClickHouseClient.class));
            ClickHouseMappingContext mapping = context.getBean(ClickHouseMappingContext.class);
            assertThat(template.getMappingContext()).isSameAs(mapping);
            assertThat(mapping.getManagedTypes()).anyMatch(type -> type.getType() == Event.class);
            assertThat(template.getTableName(Event.class)).isEqualTo("events");
        });
    }

    @Test
    void registersTheApplicationsRepositories() {
        runner.run(context -> assertThat(context).hasSingleBean(EventRepository.class));
    }

    @Test
    void repositoriesCanBeDisabled() {
        runner.withPropertyValues("clickhouse.data.repositories.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(ClickHouseTemplate.class);
            assertThat(context).doesNotHaveBean(EventRepository.class);
        });
    }

    @Test
    void backsOffWhenTheApplicationEnablesRepositoriesItself() {
        runner.withUserConfiguration(OwnRepositories.class)
                .run(context -> assertThat(context).hasSingleBean(EventRepository.class));
    }

    @Test
    void backsOffForAUserTemplate() {
        ClickHouseTemplate own = new ClickHouseTemplate(ClickHouseClient.fromUrl("http://127.0.0.1:1"));
        runner.withBean("clickHouseTemplate", ClickHouseOperations.class, () -> own)
                .run(context -> {
                    assertThat(context).hasSingleBean(ClickHouseOperations.class);
                    assertThat(context.getBean(ClickHouseOperations.class)).isSameAs(own);
                    assertThat(context).hasSingleBean(EventRepository.class);
                });
        own.getClient().close();
    }

    @Test
    void backsOffWithoutSpringData() {
        runner.withClassLoader(new FilteredClassLoader(ClickHouseTemplate.class))
                .run(context -> assertThat(context).hasSingleBean(ClickHouseClient.class)
                        .doesNotHaveBean(ClickHouseMappingContext.class).doesNotHaveBean(EventRepository.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableClickHouseRepositories(basePackageClasses = EventRepository.class)
    static class OwnRepositories {
    }
}
