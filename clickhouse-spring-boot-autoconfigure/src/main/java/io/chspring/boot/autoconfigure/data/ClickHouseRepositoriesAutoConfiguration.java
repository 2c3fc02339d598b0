package io.chspring.boot.autoconfigure.data;

import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.repository.ClickHouseRepository;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import io.chspring.data.repository.support.ClickHouseRepositoryFactoryBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of ClickHouse repositories: as if the application class carried
 * {@link EnableClickHouseRepositories @EnableClickHouseRepositories}. It backs off when the application enables them
 * itself, and {@code clickhouse.data.repositories.enabled=false} turns it off.
 */
@AutoConfiguration(after = ClickHouseDataAutoConfiguration.class)
@ConditionalOnClass({ ClickHouseRepository.class, EnableClickHouseRepositories.class })
@ConditionalOnBean(ClickHouseOperations.class)
@ConditionalOnMissingBean(ClickHouseRepositoryFactoryBean.class)
@ConditionalOnBooleanProperty(name = "clickhouse.data.repositories.enabled", matchIfMissing = true)
@Import(ClickHouseRepositoriesRegistrar.class)
public final class ClickHouseRepositoriesAutoConfiguration {
}
