package io.chspring.client.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a field or record component out of the mapping entirely: it is neither selected by {@code ?fields} nor
 * inserted. An ignored record component is passed its default value ({@code null}, 0, {@code false}) when rows are
 * read. {@code transient} fields are ignored without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Ignore {
}
