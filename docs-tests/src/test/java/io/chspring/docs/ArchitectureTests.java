package io.chspring.docs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Surefire runs only {@code *Tests}: a test class named otherwise would be skipped without a word. */
class ArchitectureTests {

    @Test
    void everyTestClassIsNamedSoSurefireRunsIt() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.chspring.docs");
        classes().that().containAnyMethodsThat(DescribedPredicate.describe("are JUnit tests",
                        m -> m.isAnnotatedWith(Test.class)))
                .and().areNotMemberClasses()
                .should().haveSimpleNameEndingWith("Tests")
                .check(tests);
    }
}
