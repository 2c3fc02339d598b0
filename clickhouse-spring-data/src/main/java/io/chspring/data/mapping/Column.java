package io.chspring.data.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ClickHouse column a field or record component maps to, instead of its name in snake_case. The name is used
 * exactly (ClickHouse column names are case-sensitive).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.ANNOTATION_TYPE})
public @interface Column {

    /** The column name. */
    String value();
}
