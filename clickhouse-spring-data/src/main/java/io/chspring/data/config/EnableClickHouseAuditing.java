package io.chspring.data.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Turns on auditing: every entity the template or a repository inserts gets its {@code @CreatedDate} and
 * {@code @CreatedBy} properties (and {@code @LastModifiedDate}/{@code @LastModifiedBy} unless
 * {@link #modifyOnCreate()} is off) set before it is written. ClickHouse inserts, never updates, so every saved
 * entity is new. Records get a new instance (Spring Data builds it through the canonical constructor); the
 * repository's {@code save} returns it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(ClickHouseAuditingRegistrar.class)
public @interface EnableClickHouseAuditing {

    /** The bean name of the {@code AuditorAware} giving the current auditor, for {@code @CreatedBy}. */
    String auditorAwareRef() default "";

    /** Whether the creation date is also written to the last-modified properties. */
    boolean setDates() default true;

    /** Whether a new entity's last-modified properties are set as well. */
    boolean modifyOnCreate() default true;

    /** The bean name of the {@code DateTimeProvider}; the current time by default. */
    String dateTimeProviderRef() default "";
}
