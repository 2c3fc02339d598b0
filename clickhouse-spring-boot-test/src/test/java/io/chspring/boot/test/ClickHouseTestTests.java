package io.chspring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.util.ClassUtils;

/** The slice's list of auto-configurations names classes that exist, and only the ClickHouse ones. */
class ClickHouseTestTests {

    private final List<String> imports = ImportCandidates
            .load(AutoConfigureClickHouse.class, getClass().getClassLoader()).getCandidates();

    @Test
    void everyImportedClassIsAnAutoConfigurationOnTheClassPath() throws Exception {
        assertThat(imports).hasSize(5);
        for (String name : imports) {
            Class<?> type = ClassUtils.forName(name, getClass().getClassLoader());
            assertThat(type.isAnnotationPresent(AutoConfiguration.class)).as(name).isTrue();
        }
    }

    @Test
    void healthAndMetricsAreNotPartOfTheSlice() {
        assertThat(imports).allMatch(name -> name.startsWith("io.chspring.boot.autoconfigure."))
                .noneMatch(name -> name.contains(".health.") || name.contains(".metrics."));
    }
}
