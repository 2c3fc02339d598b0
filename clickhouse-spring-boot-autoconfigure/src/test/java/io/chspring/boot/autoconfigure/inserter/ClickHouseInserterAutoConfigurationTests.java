package io.chspring.boot.autoconfigure.inserter;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.ClickHouseInserterProperties;
import io.chspring.boot.autoconfigure.app.Event;
import io.chspring.boot.autoconfigure.app.PageView;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.boot.autoconfigure.elsewhere.Click;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.Table;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

/**
 * Bean registration only: every bean is lazy here, so the Inserters are never created (creating one asks the server
 * for the table's columns); {@code ClickHouseInserterIntegrationTests} creates and uses them against a real server.
 */
class ClickHouseInserterAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.addBeanFactoryPostProcessor(
                    new LazyInitializationBeanFactoryPostProcessor()))
            .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                    ClickHouseInserterAutoConfiguration.class))
            .withUserConfiguration(ScanRoot.class);

    private static ResolvableType inserterOf(Class<?> entity) {
        return ResolvableType.forClassWithGenerics(Inserter.class, entity);
    }

    private static Object entityOf(ConfigurableApplicationContext context, String bean) {
        BeanDefinition definition = context.getBeanFactory().getBeanDefinition(bean);
        return definition.getConstructorArgumentValues().getIndexedArgumentValue(0, Class.class).getValue();
    }

    @Test
    void providesAFactoryOnTheClient() {
        runner.run(context -> assertThat(context.getBean(ClickHouseInserterFactory.class).client())
                .isSameAs(context.getBean(ClickHouseClient.class)));
    }

    @Test
    void registersATypedInserterForEveryTableEntityOfTheApplicationPackages() {
        runner.run(context -> {
            assertThat(context.getBeanNamesForType(inserterOf(Event.class))).containsExactly("eventInserter");
            assertThat(context.getBeanNamesForType(inserterOf(PageView.class))).containsExactly("pageViewInserter");
            assertThat(context.getBeanNamesForType(inserterOf(Click.class))).isEmpty();
            assertThat(entityOf(context.getSourceApplicationContext(), "eventInserter")).isEqualTo(Event.class);
            assertThat(entityOf(context.getSourceApplicationContext(), "pageViewInserter")).isEqualTo(PageView.class);
            BeanDefinition definition = context.getBeanFactory().getBeanDefinition("eventInserter");
            assertThat(definition.getDestroyMethodName()).isEqualTo("close");
            assertThat(definition.getFactoryBeanName()).isEqualTo("clickHouseEntityInserterFactory");
        });
    }

    @Test
    void honoursEntityScan() {
        runner.withUserConfiguration(ScanElsewhere.class).run(context -> {
            assertThat(context.getBeanNamesForType(inserterOf(Click.class))).containsExactly("clickInserter");
            assertThat(context.getBeanNamesForType(inserterOf(Event.class))).isEmpty();
        });
    }

    @Test
    void backsOffPerEntityWhenTheApplicationDefinesItsOwnInserter() {
        runner.withUserConfiguration(OwnEventInserter.class).run(context -> {
            assertThat(context.getBeanNamesForType(inserterOf(Event.class))).containsExactly("myEvents");
            assertThat(context.getBeanNamesForType(inserterOf(PageView.class))).containsExactly("pageViewInserter");
        });
    }

    @Test
    void backsOffForAUserFactoryAndBuildsTheEntityInsertersWithIt() {
        runner.withBean("myFactory", ClickHouseInserterFactory.class,
                        () -> new ClickHouseInserterFactory(ClickHouseClient.fromUrl("http://127.0.0.1:1"),
                                new ClickHouseInserterProperties()))
                .run(context -> {
                    assertThat(context).hasSingleBean(ClickHouseInserterFactory.class).hasBean("myFactory");
                    assertThat(context.getBean(EntityInserterFactory.class).inserters())
                            .isSameAs(context.getBean("myFactory"));
                });
    }

    @Test
    void mapsEntitiesWithTheApplicationsTemplate() {
        runner.withBean("myTemplate", ClickHouseOperations.class,
                        () -> new ClickHouseTemplate(ClickHouseClient.fromUrl("http://127.0.0.1:1")))
                .run(context -> assertThat(context.getBean(EntityInserterFactory.class).operations())
                        .isSameAs(context.getBean("myTemplate")));
    }

    @Test
    void withoutATemplateMapsEntitiesWithTheApplicationsMappingContext() {
        ClickHouseMappingContext mapping = new ClickHouseMappingContext();
        runner.withBean(ClickHouseMappingContext.class, () -> mapping)
                .run(context -> assertThat(context.getBean(EntityInserterFactory.class).operations()
                        .getMappingContext()).isSameAs(mapping));
    }

    @Test
    void canBeDisabled() {
        runner.withPropertyValues("clickhouse.inserter.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ClickHouseInserterFactory.class);
            assertThat(context.getBeanNamesForType(inserterOf(Event.class))).isEmpty();
        });
    }

    @Test
    void keepsTheFactoryButRegistersNoEntityInsertersWithoutSpringData() {
        runner.withClassLoader(new FilteredClassLoader(Table.class)).run(context -> {
            assertThat(context).hasSingleBean(ClickHouseInserterFactory.class);
            assertThat(context.getBeanNamesForType(Inserter.class)).isEmpty();
        });
    }

    @Test
    void backsOffWithoutAClient() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(ScanRoot.class)
                .run(context -> assertThat(context).doesNotHaveBean(ClickHouseInserterFactory.class)
                        .doesNotHaveBean("eventInserter"));
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Click.class)
    static class ScanElsewhere {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEventInserter {

        @Bean
        Inserter<Event> myEvents(ClickHouseInserterFactory factory) {
            return factory.create("events", Event.class);
        }
    }
}
