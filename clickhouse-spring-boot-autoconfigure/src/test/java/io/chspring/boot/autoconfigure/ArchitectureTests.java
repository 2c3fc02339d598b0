package io.chspring.boot.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;

/**
 * Keeps test classes discoverable, each optional dependency inside the package that guards it, Spring Boot's own
 * conventions for auto-configurations (public final classes without public members, non-public conditions, a sorted
 * {@code AutoConfiguration.imports} that lists them all) and every package {@code @NullMarked}.
 */
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

    @Test
    void autoConfigurationsArePublicAndFinal() {
        classes().that().areAnnotatedWith(AutoConfiguration.class)
                .should().bePublic().andShould().haveModifier(JavaModifier.FINAL)
                .check(MAIN);
    }

    @Test
    void autoConfigurationsExposeNoPublicMembers() {
        // Boot's convention: the class is public for AutoConfiguration.imports, its @Bean methods, nested
        // configurations and constructors are not API (the implicit no-argument constructor aside)
        members().that().areDeclaredInClassesThat(inAnAutoConfiguration())
                .and(DescribedPredicate.describe("are not constants", m -> !(m instanceof JavaField f
                        && f.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL)))))
                .and(DescribedPredicate.describe("are not no-argument constructors",
                        m -> !(m instanceof JavaConstructor c && c.getParameters().isEmpty())))
                .should().notBePublic()
                .check(MAIN);
    }

    @Test
    void conditionsAreNotPublic() {
        noClasses().that().areAssignableTo(SpringBootCondition.class)
                .should().bePublic()
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void autoConfigurationImportsAreSortedAndComplete() throws IOException {
        Path imports = Path.of("src/main/resources/META-INF/spring",
                AutoConfiguration.class.getName() + ".imports");
        List<String> listed = Files.readAllLines(imports).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(listed).as("entries of " + imports).isSorted().doesNotHaveDuplicates();
        assertThat(listed).as("entries of " + imports).containsExactlyInAnyOrderElementsOf(MAIN.stream()
                .filter(c -> c.isAnnotatedWith(AutoConfiguration.class)).map(JavaClass::getName).toList());
    }

    /** A class annotated with {@code @AutoConfiguration}, or nested in one. */
    private static DescribedPredicate<JavaClass> inAnAutoConfiguration() {
        return DescribedPredicate.describe("are auto-configurations or nested in one", c -> {
            for (JavaClass at = c; at != null; at = at.getEnclosingClass().orElse(null)) {
                if (at.isAnnotatedWith(AutoConfiguration.class)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void everyPackageIsNullMarked() {
        // checked here, so that a new package cannot forget its package-info.java
        assertThat(MAIN.stream().map(JavaClass::getPackage).filter(p -> !p.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName).distinct()).as("packages without a @NullMarked package-info").isEmpty();
    }
}
