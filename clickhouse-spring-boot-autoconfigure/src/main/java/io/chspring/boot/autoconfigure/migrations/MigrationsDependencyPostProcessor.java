package io.chspring.boot.autoconfigure.migrations;

import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterFactory;
import io.chspring.client.inserter.Inserter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Makes every bean that reads tables depend on the migrations initializer, as Spring Boot orders Flyway before JPA:
 * the template ({@code ClickHouseOperations}), ClickHouse repositories, the Inserter factory and every
 * {@code Inserter} bean (including the ones {@code InserterBeanRegistrar} registered, which as a registry
 * post-processor ran before this one). Spring Data's types are looked up by name, since it is optional.
 */
final class MigrationsDependencyPostProcessor implements BeanFactoryPostProcessor, Ordered {

    /** Types always on the class path: compile-checked. */
    static final List<Class<?>> DEPENDENT_TYPES = List.of(Inserter.class, ClickHouseInserterFactory.class);

    /** Spring Data for ClickHouse is optional (and kept out of this package): by name, checked by a test. */
    static final List<String> OPTIONAL_DEPENDENT_TYPES = List.of("io.chspring.data.core.ClickHouseOperations",
            "io.chspring.data.repository.ClickHouseRepository",
            "io.chspring.data.repository.support.ClickHouseRepositoryFactoryBean");

    private final String initializerBeanName;

    MigrationsDependencyPostProcessor(String initializerBeanName) {
        this.initializerBeanName = initializerBeanName;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(initializerBeanName)) {
            return;
        }
        ClassLoader loader = beanFactory.getBeanClassLoader();
        List<Class<?>> types = new ArrayList<>(DEPENDENT_TYPES);
        for (String typeName : OPTIONAL_DEPENDENT_TYPES) {
            if (ClassUtils.isPresent(typeName, loader)) {
                types.add(ClassUtils.resolveClassName(typeName, loader));
            }
        }
        Set<String> dependents = new LinkedHashSet<>();
        for (Class<?> type : types) {
            for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                dependents.add(BeanFactoryUtils.transformedBeanName(name));
            }
        }
        for (String name : dependents) {
            if (!beanFactory.containsBeanDefinition(name) || name.equals(initializerBeanName)) {
                continue;
            }
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(List.of(definition.getDependsOn()));
            }
            dependsOn.add(initializerBeanName);
            definition.setDependsOn(StringUtils.toStringArray(dependsOn));
        }
    }
}
