package io.chspring.data.config;

import io.chspring.data.core.ClickHouseOperations;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.data.mapping.context.PersistentEntities;

/** The entities of the application's {@link ClickHouseOperations}, which the auditing handler inspects. */
class PersistentEntitiesFactoryBean implements FactoryBean<PersistentEntities> {

    private final ClickHouseOperations operations;

    PersistentEntitiesFactoryBean(ClickHouseOperations operations) {
        this.operations = operations;
    }

    @Override
    public PersistentEntities getObject() {
        return PersistentEntities.of(operations.getMappingContext());
    }

    @Override
    public Class<?> getObjectType() {
        return PersistentEntities.class;
    }
}
