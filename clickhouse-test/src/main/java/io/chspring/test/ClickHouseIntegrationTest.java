package io.chspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a real ClickHouse engine: registers {@link ClickHouseExtension}, which makes
 * {@link ClickHouseTestServer} and {@link ClickHouseTestDatabase} injectable into constructors, lifecycle
 * methods and test methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(ClickHouseExtension.class)
public @interface ClickHouseIntegrationTest {
}
