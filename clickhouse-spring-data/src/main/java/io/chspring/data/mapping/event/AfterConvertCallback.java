package io.chspring.data.mapping.event;

import org.springframework.data.mapping.callback.EntityCallback;

/**
 * Called for each row the template or a repository reads as an entity or a mapped result class, once it is built.
 * Return the object to hand to the caller.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface AfterConvertCallback<T> extends EntityCallback<T> {

    /** The object to return instead of {@code entity}, read from {@code table}. */
    T onAfterConvert(T entity, String table);
}
