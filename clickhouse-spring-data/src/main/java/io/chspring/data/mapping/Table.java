package io.chspring.data.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.data.annotation.Persistent;

/**
 * Marks a record or class as an entity stored in a ClickHouse table. Without a name the table is the class's
 * simple name in snake_case ({@code PageView} maps to {@code page_view}).
 */
@Documented
@Inherited
@Persistent
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The table name, used exactly (ClickHouse names are case-sensitive); may be qualified as {@code db.table}. */
    String value() default "";
}
