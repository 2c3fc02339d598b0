package io.chspring.boot.autoconfigure.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/** The optional types named as strings exist: a rename in Spring Data for ClickHouse must fail here, not silently. */
class MigrationsDependencyPostProcessorTests {

    @Test
    void everyOptionalTypeNameResolves() {
        assertThat(MigrationsDependencyPostProcessor.OPTIONAL_DEPENDENT_TYPES)
                .allMatch(name -> ClassUtils.isPresent(name, getClass().getClassLoader()));
    }
}
