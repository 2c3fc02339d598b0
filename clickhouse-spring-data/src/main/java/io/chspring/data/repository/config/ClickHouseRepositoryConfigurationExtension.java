package io.chspring.data.repository.config;

import io.chspring.data.mapping.Table;
import io.chspring.data.repository.ClickHouseRepository;
import io.chspring.data.repository.support.ClickHouseRepositoryFactoryBean;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.data.repository.config.AnnotationRepositoryConfigurationSource;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;

/**
 * Spring Data's configuration of ClickHouse repositories: which interfaces are ours ({@link ClickHouseRepository}
 * sub-interfaces, repositories of {@link Table} entities), which factory bean makes them, and which
 * {@code ClickHouseOperations} bean they get.
 */
public class ClickHouseRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

    @Override
    public String getModuleName() {
        return "ClickHouse";
    }

    @Override
    public String getModuleIdentifier() {
        return "clickhouse";
    }

    // Still abstract in RepositoryConfigurationExtensionSupport although deprecated for getModuleIdentifier().
    @Override
    @SuppressWarnings("deprecation")
    protected String getModulePrefix() {
        return "clickhouse";
    }

    @Override
    public String getRepositoryFactoryBeanClassName() {
        return ClickHouseRepositoryFactoryBean.class.getName();
    }

    @Override
    protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
        return List.of(Table.class);
    }

    @Override
    protected Collection<Class<?>> getIdentifyingTypes() {
        return List.of(ClickHouseRepository.class);
    }

    @Override
    public void postProcess(BeanDefinitionBuilder builder, AnnotationRepositoryConfigurationSource config) {
        AnnotationAttributes attributes = config.getAttributes();
        builder.addPropertyReference("clickHouseOperations", attributes.getString("clickHouseOperationsRef"));
    }
}
