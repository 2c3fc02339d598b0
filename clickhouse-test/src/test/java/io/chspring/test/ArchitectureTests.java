package io.chspring.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps test classes discoverable and Testcontainers optional. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chspring.test");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.chspring.test");

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
    void onlyTestcontainersEngineTouchesTheOptionalDependency() {
        noClasses().that().doNotHaveSimpleName("TestcontainersEngine")
                .should().dependOnClassesThat().resideInAnyPackage("org.testcontainers..")
                .check(MAIN);
    }

    @Test
    void theHarnessDoesNotUseTheClientUnderTest() {
        // Only the exception hierarchy is shared; the harness speaks HTTP with the JDK's client.
        noClasses().should().dependOnClassesThat(DescribedPredicate.describe("client classes other than exceptions",
                        c -> c.getPackageName().startsWith("io.chspring.client") && !c.getSimpleName().endsWith("Exception")))
                .check(MAIN);
    }
}
