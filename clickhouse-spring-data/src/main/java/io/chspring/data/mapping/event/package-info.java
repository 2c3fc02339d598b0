/**
 * Entity callbacks of the template and the repositories: {@link io.chspring.data.mapping.event.BeforeConvertCallback}
 * and {@link io.chspring.data.mapping.event.BeforeSaveCallback} before an entity is inserted,
 * {@link io.chspring.data.mapping.event.AfterConvertCallback} after a row is read. Beans of these types are found by
 * the template; each may return a changed or a new instance (records are immutable).
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.mapping.event;
