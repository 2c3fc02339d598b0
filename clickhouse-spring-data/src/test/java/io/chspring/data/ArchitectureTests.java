package io.chspring.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the Spring Data layer honest (STYLE.md habits 1 and 7) and test classes discoverable. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chspring.data");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.chspring.data");

    @Test
    void theTemplateAndRepositoriesUseTheClientApiNotItsTransport() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..",
                        "io.chspring.client.transport..", "io.chspring.client.rowbinary..", "io.chspring.client.compression..")
                .check(MAIN);
    }

    @Test
    void mappingKnowsNothingOfTemplateOrRepositoriesAndOnlyTheClientsNaming() {
        noClasses().that().resideInAPackage("io.chspring.data.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("io.chspring.data.core..",
                        "io.chspring.data.repository..", "io.chspring.client.query..", "io.chspring.client.insert..")
                .check(MAIN);
    }

    @Test
    void theTemplateKnowsNothingOfRepositories() {
        noClasses().that().resideInAPackage("io.chspring.data.core..")
                .should().dependOnClassesThat().resideInAPackage("io.chspring.data.repository..")
                .check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.chspring.data.(**)").should().beFreeOfCycles().check(MAIN);
    }

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
}
