package io.chspring.client.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the constructor of a class (not a record) that rows are read through. Its parameters are matched to
 * fields by name, so the class must be compiled with {@code -parameters}. Without it a no-arg constructor is used
 * and fields are set directly; a class without a no-arg constructor may still be read when it has exactly one
 * constructor whose parameter names all match fields.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
public @interface RowConstructor {
}
