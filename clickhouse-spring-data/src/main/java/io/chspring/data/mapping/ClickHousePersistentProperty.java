package io.chspring.data.mapping;

import org.springframework.data.mapping.PersistentProperty;

/** One property of a {@link ClickHousePersistentEntity}, mapped to one column. */
public interface ClickHousePersistentProperty extends PersistentProperty<ClickHousePersistentProperty> {

    /** The column name from {@link Column}, or the property name by the context's naming strategy (snake_case). */
    String getColumnName();

    /**
     * Whether inserts write this property: {@code false} for {@code @ReadOnlyProperty} (columns the server fills:
     * MATERIALIZED, ALIAS, DEFAULT) and for properties without a getter.
     */
    boolean isInsertable();
}
