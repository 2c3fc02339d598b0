package io.chspring.data.repository.config;

import java.lang.annotation.Annotation;
import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/** Registers the repositories found by {@link EnableClickHouseRepositories}. */
class ClickHouseRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableClickHouseRepositories.class;
    }

    @Override
    protected RepositoryConfigurationExtension getExtension() {
        return new ClickHouseRepositoryConfigurationExtension();
    }
}
