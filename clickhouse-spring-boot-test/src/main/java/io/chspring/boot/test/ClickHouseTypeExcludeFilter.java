package io.chspring.boot.test;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.util.ClassUtils;

/**
 * Leaves every scanned component of the application out of a {@link ClickHouseTest} context unless the test's
 * include filters name it, except those that change what the template stores and reads: entity callbacks, the
 * auditor and clock of auditing, and {@code @ReadingConverter}/{@code @WritingConverter} components. Repositories
 * and entities are not components: the repository and entity scans find them.
 */
final class ClickHouseTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ClickHouseTest> {

    // by name: Spring Data is optional for the slice (a client-only application has none of these types)
    private static final Set<Class<?>> INCLUDES = present("org.springframework.data.mapping.callback.EntityCallback",
            "org.springframework.data.domain.AuditorAware", "org.springframework.data.auditing.DateTimeProvider",
            "org.springframework.data.convert.ReadingConverter", "org.springframework.data.convert.WritingConverter");

    ClickHouseTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }

    @Override
    protected Set<Class<?>> getKnownIncludes() {
        return INCLUDES;
    }

    private static Set<Class<?>> present(String... names) {
        Set<Class<?>> types = new LinkedHashSet<>();
        ClassLoader loader = ClickHouseTypeExcludeFilter.class.getClassLoader();
        for (String name : names) {
            if (ClassUtils.isPresent(name, loader)) {
                types.add(ClassUtils.resolveClassName(name, loader));
            }
        }
        return Set.copyOf(types);
    }
}
