package io.chspring.arrow;

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
 * Keeps test classes discoverable, and the module on the client's public API only (the client and its exceptions,
 * the raw query and insert, the body writer), so that changes inside the client do not reach it.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chspring.arrow");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.chspring.arrow");

    @Test
    void everyTestClassIsNamedSoSurefireRunsIt() {
        classes().that().containAnyMethodsThat(DescribedPredicate.describe("are JUnit tests",
                        m -> m.isAnnotatedWith(Test.class)))
                .and().areNotMemberClasses()
                .should().haveSimpleNameEndingWith("Tests")
                .allowEmptyShould(true)
                .check(TESTS);
    }

    @Test
    void everyPackageIsNullMarked() {
        assertThat(MAIN.stream().map(JavaClass::getPackage).filter(p -> !p.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName).distinct()).as("packages without a @NullMarked package-info").isEmpty();
    }

    @Test
    void usesOnlyTheClientsPublicEntryPoints() {
        classes().that().resideInAPackage("io.chspring.arrow..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.chspring.arrow..", "java..",
                        "org.jspecify..", "org.apache.arrow..", "io.chspring.client", "io.chspring.client.query",
                        "io.chspring.client.insert", "io.chspring.client.transport")
                .check(MAIN);
    }

    @Test
    void fromTheTransportPackageOnlyTheBodyWriter() {
        classes().that().resideInAPackage("io.chspring.arrow..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe("are not transport internals",
                        c -> !c.getPackageName().equals("io.chspring.client.transport")
                                || c.getSimpleName().equals("BodyWriter")))
                .check(MAIN);
    }
}
