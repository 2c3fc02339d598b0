package io.chspring.data.repository.query;

import io.chspring.data.core.ClickHouseOperations;
import java.lang.reflect.Method;
import java.util.Objects;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * Creates the query of each repository method when the repository is created: a string-based query for
 * {@link io.chspring.data.repository.Query @Query} methods, a derived query otherwise. Anything that cannot work
 * (an unknown or unmapped property, a keyword ClickHouse cannot honour, a placeholder without an argument) fails
 * here with a {@link QueryCreationException} naming the method.
 */
public final class ClickHouseQueryLookupStrategy implements QueryLookupStrategy {

    private final ClickHouseOperations operations;

    /** A strategy creating queries that run through {@code operations}. */
    public ClickHouseQueryLookupStrategy(ClickHouseOperations operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @Override
    public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
            NamedQueries namedQueries) {
        ClickHouseQueryMethod queryMethod = new ClickHouseQueryMethod(method, metadata, factory);
        boolean annotated = queryMethod.annotatedQuery() != null;
        try {
            return annotated ? new StringBasedClickHouseQuery(queryMethod, operations)
                    : new PartTreeClickHouseQuery(queryMethod, operations);
        } catch (PropertyReferenceException e) {
            throw QueryCreationException.create(queryMethod, queryMethod.describe() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw QueryCreationException.create(queryMethod, queryMethod.describe() + ": "
                    + (annotated ? "invalid @Query: " : "cannot derive a query: ") + e.getMessage(), e);
        }
    }
}
