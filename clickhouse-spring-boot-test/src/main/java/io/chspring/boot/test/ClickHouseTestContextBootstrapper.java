package io.chspring.boot.test;

import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/** Finds the {@code @SpringBootConfiguration} as {@code @SpringBootTest} does and adds {@link ClickHouseTest#properties()}. */
class ClickHouseTestContextBootstrapper extends SpringBootTestContextBootstrapper {

    @Override
    protected String[] getProperties(Class<?> testClass) {
        return MergedAnnotations.from(testClass, SearchStrategy.INHERITED_ANNOTATIONS).get(ClickHouseTest.class)
                .getValue("properties", String[].class).orElse(null);
    }
}
