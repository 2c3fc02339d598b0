package io.chspring.boot.autoconfigure.data;

import io.chspring.data.repository.config.ClickHouseRepositoryConfigurationExtension;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import java.lang.annotation.Annotation;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/** Registers the repositories of the auto-configuration packages, as {@code @EnableClickHouseRepositories} would. */
class ClickHouseRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableClickHouseRepositories.class;
    }

    @Override
    protected Class<?> getConfiguration() {
        return EnableClickHouseRepositoriesConfiguration.class;
    }

    @Override
    protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
        return new ClickHouseRepositoryConfigurationExtension();
    }

    @EnableClickHouseRepositories
    private static final class EnableClickHouseRepositoriesConfiguration {
    }
}
