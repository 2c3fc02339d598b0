package io.chspring.boot.test;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Leaves every scanned component of the application out of a {@link ClickHouseTest} context unless the test's
 * include filters name it. Repositories and entities are not components: the repository and entity scans find them.
 */
final class ClickHouseTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ClickHouseTest> {

    ClickHouseTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }
}
