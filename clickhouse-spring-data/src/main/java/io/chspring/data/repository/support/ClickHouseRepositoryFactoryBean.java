package io.chspring.data.repository.support;

import io.chspring.data.core.ClickHouseOperations;
import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.Assert;

/**
 * The Spring factory bean of one repository; {@code @EnableClickHouseRepositories} registers one per repository
 * interface and wires the {@link ClickHouseOperations} bean into it.
 *
 * @param <T> the repository type
 * @param <S> the entity type
 * @param <ID> the id type
 */
public class ClickHouseRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
        extends RepositoryFactoryBeanSupport<T, S, ID> {

    private @Nullable ClickHouseOperations operations;

    /** A factory bean for {@code repositoryInterface}. */
    public ClickHouseRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
        super(repositoryInterface);
    }

    /** The operations the repository runs through. */
    public void setClickHouseOperations(ClickHouseOperations operations) {
        this.operations = operations;
        setMappingContext(operations.getMappingContext());
    }

    @Override
    protected RepositoryFactorySupport createRepositoryFactory() {
        return new ClickHouseRepositoryFactory(operations);
    }

    @Override
    public void afterPropertiesSet() {
        Assert.state(operations != null, "ClickHouseOperations must be set");
        super.afterPropertiesSet();
    }
}
