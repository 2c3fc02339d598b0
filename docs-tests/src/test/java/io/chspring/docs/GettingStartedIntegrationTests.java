package io.chspring.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.chspring.docs.SnippetSources.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.springframework.boot.SpringBootVersion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the project of GETTING_STARTED.md from the page itself, every file where the page says it goes, compiles it
 * against the current modules, and runs its tests, in this JVM, against a real ClickHouse. The page's pom is checked
 * against this module's: its dependencies are this module's (less what only this test needs), so they are enough.
 */
class GettingStartedIntegrationTests {

    /** This module's dependencies that the getting-started project does not need. */
    private static final Set<String> ONLY_HERE = Set.of("clickhouse-embedded", "clickhouse-arrow",
            "junit-platform-launcher", "archunit-junit5");

    @Test
    void theGuideBuildsAndItsTestsPass(@TempDir Path directory) throws Exception {
        GettingStartedProject project = GettingStartedProject.write(directory);
        assertThat(project.problems()).isEmpty();
        assertThat(project.sources()).as("Java files of the guide").hasSizeGreaterThanOrEqualTo(6);
        assertThat(project.testClasses()).as("test classes of the guide").isNotEmpty();
        checkPom(directory.resolve("pom.xml"));
        assertThat(project.build()).as("compiler errors in GETTING_STARTED.md (file:line)").isEmpty();

        TestExecutionSummary summary = run(project.classes(), project.testClasses());
        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 40);
        assertThat(summary.getTotalFailureCount()).as(failures.toString()).isZero();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(summary.getTestsAbortedCount()).as("the guide's tests were skipped although CI=true").isZero();
        }
        if (summary.getTestsAbortedCount() > 0 && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            // the guide's tests skip without an engine, as every integration test here does (CI=true: they fail)
            Assumptions.abort("the getting-started tests were skipped: no ClickHouse engine (see clickhouse-test)");
        }
        assertThat(summary.getTestsFoundCount()).as("tests of the guide").isEqualTo(testMethods(project.sources()));
        assertThat(summary.getTestsSucceededCount()).as("none skipped or aborted").isEqualTo(summary.getTestsFoundCount());
    }

    private static TestExecutionSummary run(Path classes, List<String> testClasses) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("getting-started", new URL[] {classes.toUri().toURL()},
                GettingStartedIntegrationTests.class.getClassLoader())) {
            // Spring looks for application.properties, schema.sql and the @SpringBootApplication through this loader
            Thread.currentThread().setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
            for (String name : testClasses) {
                request.selectors(selectClass(loader.loadClass(name)));
            }
            LauncherDiscoveryRequest discovery = request.build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(discovery, listener);
            return listener.getSummary();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static long testMethods(List<Source> sources) {
        return sources.stream().filter(s -> s.path().endsWith("Tests.java"))
                .mapToLong(s -> Pattern.compile("(?m)^\\s*@Test\\s*$").matcher(s.text()).results().count()).sum();
    }

    private static void checkPom(Path pom) throws Exception {
        Document guide = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element parent = (Element) guide.getElementsByTagName("parent").item(0);
        assertThat(text(parent, "artifactId")).isEqualTo("spring-boot-starter-parent");
        assertThat(text(parent, "version")).as("the Spring Boot version chspring is built with")
                .isEqualTo(SpringBootVersion.getVersion());
        assertThat(guide.getElementsByTagName("chspring.version").item(0).getTextContent())
                .as("chspring.version is the version of this build").isEqualTo(projectVersion());
        Set<String> guideDependencies = dependencies(guide);
        Document self = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Docs.root().resolve("docs-tests/pom.xml").toFile());
        Set<String> ours = dependencies(self).stream().filter(a -> !ONLY_HERE.contains(a))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(guideDependencies).as("the guide's dependencies are those this test compiles and runs it with")
                .isEqualTo(ours);
        for (String artifact : guideDependencies) {
            if (artifact.startsWith("clickhouse-")) {
                assertThat(Docs.root().resolve(artifact)).as("a module of this build").isDirectory();
            }
        }
    }

    private static Set<String> dependencies(Document pom) {
        Set<String> artifacts = new TreeSet<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            artifacts.add(text((Element) dependencies.item(i), "artifactId"));
        }
        return artifacts;
    }

    private static String text(Element element, String child) {
        return element.getElementsByTagName(child).item(0).getTextContent().strip();
    }

    private static String projectVersion() throws IOException {
        String pom = Files.readString(Docs.root().resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<artifactId>chspring-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).as("the parent pom's version").isTrue();
        return m.group(1);
    }
}
