package io.chspring.data.mapping;

import org.springframework.data.mapping.model.MutablePersistentEntity;

/**
 * A record or class mapped to a ClickHouse table: its table name and its {@link ClickHousePersistentProperty
 * properties}, each a column.
 *
 * @param <T> the mapped type
 */
public interface ClickHousePersistentEntity<T> extends MutablePersistentEntity<T, ClickHousePersistentProperty> {

    /** The table name from {@link Table}, or the simple class name by the context's naming strategy (snake_case). */
    String getTableName();
}
