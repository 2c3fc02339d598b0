package io.chspring.boot.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Keeps test classes discoverable (a class with tests that escapes both name patterns would silently not run) and
 * every package {@code @NullMarked}.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.chspring.boot.test");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("io.chspring.boot.test");

    @Test
    void everyTestClassIsNamedSoSurefireRunsIt() {
        classes().that().containAnyMethodsThat(DescribedPredicate.describe("are JUnit tests",
                        m -> m.isAnnotatedWith(Test.class)
                                || m.isAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")))
                .and().areNotMemberClasses()
                .should().haveSimpleNameEndingWith("Tests")
                .check(TESTS);
    }

    @Test
    void everyPackageIsNullMarked() {
        // checked here, so that a new package cannot forget its package-info.java
        assertThat(MAIN.stream().map(JavaClass::getPackage).filter(p -> !p.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName).distinct()).as("packages without a @NullMarked package-info").isEmpty();
    }
}
