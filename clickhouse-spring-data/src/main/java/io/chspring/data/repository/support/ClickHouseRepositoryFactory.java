package io.chspring.data.repository.support;

import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.repository.query.ClickHouseQueryLookupStrategy;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.PersistentEntityInformation;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * Creates repository proxies over a {@link ClickHouseOperations}: {@link SimpleClickHouseRepository} for the CRUD
 * methods, and for the query methods {@link ClickHouseQueryLookupStrategy} (string-based for {@code @Query},
 * derived otherwise), all created, and so checked, when the repository is.
 */
public class ClickHouseRepositoryFactory extends RepositoryFactorySupport {

    private final ClickHouseOperations operations;

    /** A factory for repositories that run through {@code operations}. */
    public ClickHouseRepositoryFactory(ClickHouseOperations operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @Override
    public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
        return new PersistentEntityInformation<>(entity(metadata.getDomainType()));
    }

    @Override
    protected Object getTargetRepository(RepositoryInformation information) {
        return getTargetRepositoryViaReflection(information, entity(information.getDomainType()), operations);
    }

    @Override
    protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
        return SimpleClickHouseRepository.class;
    }

    @Override
    protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.@Nullable Key key,
            ValueExpressionDelegate valueExpressionDelegate) {
        return Optional.of(new ClickHouseQueryLookupStrategy(operations));
    }

    private ClickHousePersistentEntity<?> entity(Class<?> domainType) {
        return operations.getMappingContext().getRequiredPersistentEntity(domainType);
    }
}
