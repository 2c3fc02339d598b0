package io.chspring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports the ClickHouse auto-configurations (client, template and mapping, repositories, Inserter beans), listed in
 * {@code META-INF/spring/io.chspring.boot.test.AutoConfigureClickHouse.imports}, and not health or metrics. Part of
 * {@link ClickHouseTest}; put it on any other test to add ClickHouse to a context that auto-configures nothing else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureClickHouse {
}
