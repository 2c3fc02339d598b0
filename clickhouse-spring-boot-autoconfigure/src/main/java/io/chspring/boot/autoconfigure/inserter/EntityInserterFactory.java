package io.chspring.boot.autoconfigure.inserter;

import io.chspring.client.inserter.Inserter;
import io.chspring.data.core.ClickHouseOperations;

/**
 * Builds the {@code Inserter<Entity>} beans from Spring Data's mapping, through {@link ClickHouseOperations#inserter}:
 * the table name, {@code @Column} names, {@code @Transient} and {@code @ReadOnlyProperty} come from the
 * application's mapping context, the batching options from the {@link ClickHouseInserterFactory}. Every entity
 * Inserter depends on this bean, and so on the template and the client: the context closes the Inserters first.
 */
final class EntityInserterFactory {

    private final ClickHouseInserterFactory inserters;
    private final ClickHouseOperations operations;

    EntityInserterFactory(ClickHouseInserterFactory inserters, ClickHouseOperations operations) {
        this.inserters = inserters;
        this.operations = operations;
    }

    ClickHouseInserterFactory inserters() {
        return inserters;
    }

    ClickHouseOperations operations() {
        return operations;
    }

    /** The Inserter of {@code entity}; reads its table's columns now, so a mismatch fails the startup. */
    <T> Inserter<T> create(Class<T> entity) {
        String table = operations.getTableName(entity);
        try {
            return inserters.configure(table, operations.inserter(entity)).build();
        } catch (RuntimeException e) {
            throw InserterStartupErrors.explain(e, entity, table);
        }
    }
}
