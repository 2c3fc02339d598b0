package io.chspring.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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

/** Keeps the layers of the client honest (see STYLE.md, habit 1) and test classes discoverable. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chspring.client");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.chspring.client");

    @Test
    void codecTypesSqlAndCompressionDoNotTouchTheNetwork() {
        noClasses().that().resideInAnyPackage(
                        "io.chspring.client.sql..", "io.chspring.client.type..",
                        "io.chspring.client.rowbinary..", "io.chspring.client.compression..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.hc..", "io.chspring.client.transport..", "java.net.http..", "org.springframework..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void onlyTheTransportUsesHttpClient() {
        noClasses().that().resideOutsideOfPackage("io.chspring.client.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.chspring.client.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(MAIN);
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
