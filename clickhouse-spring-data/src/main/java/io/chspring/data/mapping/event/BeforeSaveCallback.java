package io.chspring.data.mapping.event;

import org.springframework.data.mapping.callback.EntityCallback;

/**
 * Called for each entity just before it is written to the insert's request, after every
 * {@link BeforeConvertCallback}: the last chance to check or change it. Return the entity to write.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface BeforeSaveCallback<T> extends EntityCallback<T> {

    /** The entity to write into {@code table} instead of {@code entity}. */
    T onBeforeSave(T entity, String table);
}
