package io.chspring.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
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
    void mappingThenTemplateThenRepositories() {
        // each layer knows only those below it: the template never the repositories, mapping neither
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("mapping").definedBy("io.chspring.data.mapping..")
                .layer("core").definedBy("io.chspring.data.core..")
                .layer("repository").definedBy("io.chspring.data.repository..")
                .whereLayer("repository").mayNotBeAccessedByAnyLayer()
                .whereLayer("core").mayOnlyBeAccessedByLayers("repository")
                .whereLayer("mapping").mayOnlyBeAccessedByLayers("core", "repository")
                .check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        // "io.chspring.(**)" makes the root package io.chspring.data a slice of its own too;
        // "io.chspring.data.(**)" would leave it out
        slices().matching("io.chspring.(**)").should().beFreeOfCycles().check(MAIN);
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

    @Test
    void everyPackageIsNullMarked() {
        // checked here, so that a new package cannot forget its package-info.java
        assertThat(MAIN.stream().map(JavaClass::getPackage).filter(p -> !p.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName).distinct()).as("packages without a @NullMarked package-info").isEmpty();
    }
}
