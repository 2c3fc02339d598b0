package io.chspring.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** Keeps test classes discoverable, Testcontainers optional, and the harness and the mock off the client under test. */
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
        // Only the exception hierarchy is shared; the harness speaks HTTP with the JDK's client. The embedded engine
        // is the exception: chDB has no HTTP interface, the client's chdb: transport is the only way in.
        noClasses().that().resideOutsideOfPackage(MOCK).and().doNotHaveSimpleName("EmbeddedEngine")
                .and().doNotHaveFullyQualifiedName(EMBEDDED_DATABASE)
                .should().dependOnClassesThat(DescribedPredicate.describe("client classes other than exceptions",
                        c -> c.getPackageName().startsWith("io.chspring.client") && !c.getSimpleName().endsWith("Exception")))
                .check(MAIN);
    }

    @Test
    void theMockServerSharesOnlyTheWireFormatCodeWithTheClient() {
        // The mock must write rows exactly as the client reads them and read them as the client writes them, so it
        // uses the client's codec, Native block, mapping, type and compression packages (no second encoder to drift
        // apart). It never uses the client itself (transport, queries, inserts): that is what tests run against the mock.
        noClasses().that().resideInAPackage(MOCK)
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "client classes outside rowbinary, block, mapping, type, compression, exceptions, error codes, versions",
                        c -> c.getPackageName().startsWith("io.chspring.client") && !mockMayUse(c.getPackageName(),
                                c.getSimpleName())))
                .check(MAIN);
    }

    private static final String MOCK = "io.chspring.test.mock..";

    private static final String EMBEDDED_DATABASE = "io.chspring.test.EmbeddedEngine$Database";

    private static boolean mockMayUse(String packageName, String simpleName) {
        return Set.of("io.chspring.client.rowbinary", "io.chspring.client.block", "io.chspring.client.mapping",
                        "io.chspring.client.type", "io.chspring.client.compression").contains(packageName)
                || simpleName.endsWith("Exception") || simpleName.equals("ServerErrorCodes")
                || simpleName.equals("ServerVersion");
    }

    @Test
    void everyPackageIsNullMarked() {
        // checked here, so that a new package cannot forget its package-info.java
        assertThat(MAIN.stream().map(JavaClass::getPackage).filter(p -> !p.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName).distinct()).as("packages without a @NullMarked package-info").isEmpty();
    }
}
