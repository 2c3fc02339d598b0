package io.chspring.data.mapping.event;

import org.springframework.data.mapping.callback.EntityCallback;

/**
 * Called for each entity the template or a repository is about to insert, before its values are taken: the place to
 * fill in values (auditing uses it). Return the entity to insert, the same one or a new instance.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface BeforeConvertCallback<T> extends EntityCallback<T> {

    /** The entity to insert into {@code table} instead of {@code entity}. */
    T onBeforeConvert(T entity, String table);
}
