package io.chspring.client.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ClickHouse column a field or record component maps to, instead of the name the {@link NamingStrategy}
 * derives. The name is used exactly (ClickHouse column names are case-sensitive).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {

    /** The column name. */
    String value();
}
