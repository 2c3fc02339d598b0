package io.chspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a real ClickHouse cluster: registers {@link ClickHouseClusterExtension}, which
 * makes {@link LocalClickHouseCluster} injectable into constructors, lifecycle methods and test methods. One
 * cluster (2 shards x 2 replicas, named {@code c}) per test run, shared by every class that asks for it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(ClickHouseClusterExtension.class)
public @interface ClickHouseClusterTest {
}
