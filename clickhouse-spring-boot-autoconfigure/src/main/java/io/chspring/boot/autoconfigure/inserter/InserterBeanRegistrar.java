package io.chspring.boot.autoconfigure.inserter;

import io.chspring.client.inserter.Inserter;
import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.persistence.autoconfigure.EntityScanner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.ResolvableType;

/**
 * Registers an {@code Inserter<Entity>} bean named {@code <entity>Inserter} for every class carrying the table
 * annotation in the entity-scan packages ({@code @EntityScan}, else the application's packages). Each definition is
 * typed with its generic {@link ResolvableType}, so {@code @Autowired Inserter<Event> events} finds it, and is made
 * by the single bean of the factory type (its {@code create(Class)} method), so it is destroyed (closed, flushed)
 * before that factory and what it depends on, the client included. An entity that already has an
 * {@code Inserter<Entity>} bean of the application's gets none.
 */
final class InserterBeanRegistrar implements BeanDefinitionRegistryPostProcessor, ApplicationContextAware {

    /** The property of {@code ClickHouseInserterProperties#isLazyInitialization()}. */
    static final String LAZY_PROPERTY = "clickhouse.inserter.lazy-initialization";

    private final Class<? extends Annotation> tableAnnotation;
    private final Class<?> factoryType;
    private ApplicationContext context;

    InserterBeanRegistrar(Class<? extends Annotation> tableAnnotation, Class<?> factoryType) {
        this.tableAnnotation = tableAnnotation;
        this.factoryType = factoryType;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ListableBeanFactory beans = (ListableBeanFactory) registry;
        String[] factories = beans.getBeanNamesForType(factoryType, true, false);
        if (factories.length != 1) {
            return;
        }
        // read from the environment: a registry post-processor runs before @ConfigurationProperties are bound
        boolean lazy = context.getEnvironment().getProperty(LAZY_PROPERTY, Boolean.class, false);
        for (Class<?> entity : entities()) {
            ResolvableType type = ResolvableType.forClassWithGenerics(Inserter.class, entity);
            String name = Introspector.decapitalize(entity.getSimpleName()) + "Inserter";
            if (beans.getBeanNamesForType(type, true, false).length > 0 || registry.containsBeanDefinition(name)) {
                continue;
            }
            RootBeanDefinition definition = new RootBeanDefinition();
            definition.setTargetType(type);
            definition.setFactoryBeanName(factories[0]);
            definition.setFactoryMethodName("create");
            // the table name is the mapping context's, known only when the factory builds the Inserter
            definition.getConstructorArgumentValues().addIndexedArgumentValue(0, entity);
            definition.setDestroyMethodName("close");
            if (lazy) {
                definition.setLazyInit(true); // left unset otherwise, for spring.main.lazy-initialization to decide
            }
            registry.registerBeanDefinition(name, definition);
        }
    }

    private List<Class<?>> entities() {
        try {
            return new EntityScanner(context).scan(tableAnnotation).stream()
                    .sorted(Comparator.comparing(Class::getName)).toList();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Scanning for @" + tableAnnotation.getSimpleName() + " entities failed: "
                    + e.getMessage(), e);
        }
    }
}
