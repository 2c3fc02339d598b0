package io.chspring.boot.autoconfigure.data;

import io.chspring.client.inserter.Inserter;
import io.chspring.data.aot.ClickHouseDataRuntimeHints;
import io.chspring.data.mapping.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Registers reflection hints, at build time, for every {@code @Table} entity of the application: those in the
 * entity-scan packages (as the auto-configurations find them) and those of the {@code Inserter<Entity>} beans. The
 * template unreflects their constructors, fields and accessors into method handles, which a native image allows only
 * for registered members; repositories' domain types get hints from Spring Data's repository AOT support too, but an
 * entity with only an Inserter has no repository.
 */
class ClickHouseEntityHintsAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        // loaded from aot.factories whatever the class path: Spring Data and Boot's persistence module are optional
        ClassLoader loader = beanFactory.getBeanClassLoader();
        if (!ClassUtils.isPresent("io.chspring.data.mapping.Table", loader)
                || !ClassUtils.isPresent("org.springframework.boot.persistence.autoconfigure.EntityScanPackages",
                        loader)) {
            return null;
        }
        return Entities.contribution(beanFactory);
    }

    /** The work, in a class of its own, loaded only when the optional types are there. */
    private static final class Entities {

        static @Nullable BeanFactoryInitializationAotContribution contribution(
                ConfigurableListableBeanFactory beanFactory) {
            Set<String> names = new TreeSet<>();
            for (String name : beanFactory.getBeanNamesForType(Inserter.class, true, false)) {
                BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
                Class<?> entity = definition.getResolvableType().as(Inserter.class).getGeneric(0).resolve();
                if (entity != null && entity != Object.class) {
                    names.add(entity.getName());
                }
            }
            ClassPathScanningCandidateComponentProvider scanner =
                    new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Table.class));
            for (String pkg : packages(beanFactory)) {
                for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
                    String type = candidate.getBeanClassName();
                    if (type != null) {
                        names.add(type);
                    }
                }
            }
            if (names.isEmpty()) {
                return null;
            }
            ClassLoader loader = beanFactory.getBeanClassLoader();
            List<Class<?>> entities = new ArrayList<>();
            for (String name : names) {
                entities.add(ClassUtils.resolveClassName(name, loader));
            }
            return (context, code) -> entities.forEach(e ->
                    ClickHouseDataRuntimeHints.registerEntity(context.getRuntimeHints(), e));
        }

        /** The {@code @EntityScan} packages, else the application's (as {@code EntityScanner} chooses). */
        private static List<String> packages(ConfigurableListableBeanFactory beanFactory) {
            List<String> scanned = EntityScanPackages.get(beanFactory).getPackageNames();
            if (!scanned.isEmpty()) {
                return scanned;
            }
            return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
        }
    }
}
