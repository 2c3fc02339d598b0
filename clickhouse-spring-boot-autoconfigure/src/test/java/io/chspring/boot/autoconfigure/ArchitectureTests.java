package io.chspring.boot.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps test classes discoverable and each optional dependency inside the package that guards it. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chspring.boot.autoconfigure");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.chspring.boot.autoconfigure");

    @Test
    void everyTestClassIsNamedSoSurefireRunsIt() {
        classes().that().containAnyMethodsThat(DescribedPredicate.describe("are JUnit tests",
                        m -> m.isAnnotatedWith(Test.class)
                                || m.isAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")))
                .and().areNotMemberClasses()
                .should().haveSimpleNameEndingWith("Tests")
                .allowEmptyShould(true)
                .check(TESTS);
    }

    @Test
    void onlyTheHealthPackageTouchesSpringBootHealth() {
        noClasses().that().resideOutsideOfPackage("..autoconfigure.health..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot.health..")
                .check(MAIN);
    }

    @Test
    void onlyTheMetricsPackageTouchesMicrometer() {
        noClasses().that().resideOutsideOfPackage("..autoconfigure.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..",
                        "org.springframework.boot.micrometer..")
                .check(MAIN);
    }

    @Test
    void onlyTheDataAndInserterPackagesTouchSpringData() {
        noClasses().that().resideOutsideOfPackages("..autoconfigure.data..", "..autoconfigure.inserter..")
                .should().dependOnClassesThat().resideInAnyPackage("io.chspring.data..", "org.springframework.data..",
                        "org.springframework.boot.persistence..")
                .check(MAIN);
    }

    @Test
    void onlyTheTestcontainersPackageTouchesTestcontainers() {
        noClasses().that().resideOutsideOfPackage("..autoconfigure.testcontainers..")
                .should().dependOnClassesThat().resideInAnyPackage("org.testcontainers..",
                        "org.springframework.boot.testcontainers..")
                .check(MAIN);
    }
}
