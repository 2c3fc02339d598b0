package io.chspring.client.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column that is read but never inserted: {@code MATERIALIZED} and {@code ALIAS} columns (the server refuses
 * values for them) and {@code DEFAULT} columns the server should compute. It is part of {@code ?fields} and
 * filled when rows are read, and left out of the column list of inserts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ReadOnly {
}
