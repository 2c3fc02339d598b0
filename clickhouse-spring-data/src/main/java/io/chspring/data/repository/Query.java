package io.chspring.data.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.data.annotation.QueryAnnotation;

/**
 * The SQL of a repository method. Arguments bind to {@code :name} placeholders by parameter name (compile with
 * {@code -parameters}, or annotate with {@code @Param}) or to {@code ?} placeholders in order; {@code ?fields}
 * expands to the columns of the result type. Results map to entities, records and classes by column name, to
 * interface projections over the entity, or to a single column for simple types. A {@code Pageable} or {@code Sort}
 * argument appends {@code ORDER BY} and {@code LIMIT}.
 */
@Documented
@QueryAnnotation
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface Query {

    /** The SQL. */
    String value();

    /** The count SQL for {@code Page} results; {@code SELECT count() FROM (<value>)} when empty. */
    String countQuery() default "";
}
