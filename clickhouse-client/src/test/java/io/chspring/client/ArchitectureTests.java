package io.chspring.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
                        "io.chspring.client.rowbinary..", "io.chspring.client.compression..",
                        "io.chspring.client.block..")
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
        packageCycles().check(MAIN);
    }

    /**
     * The cycle rule must see the root package too: a pattern like {@code io.chspring.client.(*)..} leaves it out,
     * and the root is where the entry points live that create every request. The check is that this rule fails on
     * a real cycle: a request type that imports the client back.
     */
    @Test
    void theCycleRuleSeesTheRootPackage() {
        JavaClasses withCycle = new ClassFileImporter().importClasses(
                ClickHouseClient.class, io.chspring.client.query.Query.class, CycleThroughTheRoot.class);
        assertThatThrownBy(() -> packageCycles().check(withCycle)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    /** Counted as a class of the query package (which the client imports) that imports the client back. */
    static final class CycleThroughTheRoot {
        static io.chspring.client.query.Query query(ClickHouseClient client) {
            return client.query("SELECT 1");
        }
    }

    /**
     * Slices: each package below {@code io.chspring.client} by its first name, and the root package in two: its
     * shared values (exceptions, {@link Compression}, {@link ServerVersion}... : root classes that import nothing
     * from the packages below) sit under every package, its entry points ({@link ClickHouseClient}, the builder and
     * configuration) above them. A root class that starts to import a package below moves to the entry points, so a
     * package that then uses it closes a cycle that this rule reports.
     */
    private static ArchRule packageCycles() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (javaClass.getSimpleName().equals("CycleThroughTheRoot")) {
                    return SliceIdentifier.of("query");
                }
                if (pkg.equals(ROOT)) {
                    return SliceIdentifier.of(importsBelowRoot(javaClass) ? "root: entry points" : "root: shared values");
                }
                if (pkg.startsWith(ROOT + ".")) {
                    return SliceIdentifier.of(pkg.substring(ROOT.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the client's packages, the root in entry points and shared values";
            }
        }).should().beFreeOfCycles().allowEmptyShould(true);
    }

    private static final String ROOT = "io.chspring.client";

    /**
     * Whether the class imports anything from a package below the root, itself, through the top-level class it is
     * nested in, or through other root classes it imports.
     */
    private static boolean importsBelowRoot(JavaClass javaClass) {
        Deque<JavaClass> todo = new ArrayDeque<>(List.of(javaClass, topLevel(javaClass)));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            JavaClass c = todo.pop();
            if (!seen.add(c.getName())) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String pkg = d.getTargetClass().getPackageName();
                if (pkg.startsWith(ROOT + ".")) {
                    return true;
                }
                if (pkg.equals(ROOT)) {
                    todo.push(d.getTargetClass());
                    todo.push(topLevel(d.getTargetClass()));
                }
            }
        }
        return false;
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass top = javaClass;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
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
