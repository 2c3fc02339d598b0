package io.chspring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.docs.MarkdownBlocks.Block;
import io.chspring.docs.SnippetSources.Shape;
import io.chspring.docs.SnippetSources.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of README.md and the module READMEs compiles, with the imports it shows, against the current
 * modules; a block that is not meant to compile alone says so with a {@code <!-- fragment: why -->} marker and is
 * listed here, so nothing is skipped without a word.
 */
class DocumentationSnippetsTests {

    @Test
    void everyJavaBlockOfTheReadmesCompilesAsShown(@TempDir Path output) {
        List<Source> sources = new ArrayList<>();
        Map<Source, Path> origin = new java.util.IdentityHashMap<>();
        List<String> fragments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int javaBlocks = 0;
        int group = 0;
        for (Path readme : Docs.readmes()) {
            problems.addAll(MarkdownBlocks.strayMarkers(readme));
            List<Block> current = new ArrayList<>();
            for (Block block : MarkdownBlocks.read(readme).blocks()) {
                if (!block.java()) {
                    continue;
                }
                javaBlocks++;
                if (block.marker() != null && block.marker().fragment()) {
                    if (block.marker().argument() == null || block.marker().argument().isBlank()) {
                        problems.add(Docs.name(readme) + ":" + block.marker().line() + ": a fragment says why");
                    }
                    fragments.add(Docs.name(readme) + ":" + block.firstLine() + " (" + block.marker().argument() + ")");
                    continue;
                }
                boolean joins = block.marker() != null && block.marker().joinsPrevious();
                if (joins && current.isEmpty()) {
                    problems.add(Docs.name(readme) + ":" + block.marker().line() + ": no compiled block above");
                }
                if (!joins && !current.isEmpty()) {
                    group = add(current, ++group, readme, sources, origin);
                    current = new ArrayList<>();
                }
                current.add(block);
            }
            if (!current.isEmpty()) {
                group = add(current, ++group, readme, sources, origin);
            }
        }
        System.out.printf("documentation: %d Java blocks, %d compiled as %d sources, %d fragments:%n", javaBlocks,
                javaBlocks - fragments.size(), sources.size(), fragments.size());
        fragments.forEach(f -> System.out.println("  fragment " + f));
        assertThat(problems).as("markers").isEmpty();
        assertThat(sources).as("compiled blocks").isNotEmpty();
        List<String> errors = SnippetCompiler.compile(sources, s -> Docs.name(origin.get(s)), output);
        assertThat(errors).as("compiler errors in the documentation's Java blocks (file:line)").isEmpty();
    }

    private static int add(List<Block> blocks, int group, Path readme, List<Source> sources, Map<Source, Path> origin) {
        for (Source source : SnippetSources.sources(blocks, "snippets.g" + group)) {
            sources.add(source);
            origin.put(source, readme);
        }
        return group;
    }

    @Test
    void everyJavaFileOfTheGettingStartedGuideCompiles(@TempDir Path directory) throws Exception {
        // GettingStartedIntegrationTests also runs the guide's tests; this catches a compile error without an engine
        GettingStartedProject project = GettingStartedProject.write(directory);
        assertThat(project.problems()).isEmpty();
        assertThat(project.sources()).isNotEmpty();
        assertThat(project.build()).as("compiler errors in GETTING_STARTED.md (file:line)").isEmpty();
    }

    @Test
    void blocksAreWrappedWithoutMovingALine(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("T.md");
        Files.writeString(md, String.join("\n",
                "# t",
                "```java",
                "import java.util.List;",
                "",
                "List<String> names = List.of(\"a\");",
                "int n = names.size() + undefinedName;",
                "```",
                "<!-- fragment: shows a shape only -->",
                "```java",
                "client.query(...)",
                "```",
                "```java",
                "@Deprecated",
                "static int twice(int x) { return 2 * x; }",
                "```",
                "```java",
                "public record Point(int x, int y) {}",
                "```",
                "<!-- compiles with the block above -->",
                "```java",
                "Point p = new Point(1, 2);",
                "```",
                ""));
        List<Block> blocks = MarkdownBlocks.read(md).blocks();
        assertThat(blocks).extracting(SnippetSources::shape)
                .containsExactly(Shape.STATEMENTS, Shape.STATEMENTS, Shape.MEMBERS, Shape.UNIT, Shape.STATEMENTS);
        assertThat(blocks.get(1).marker().fragment()).isTrue();
        assertThat(blocks.get(4).marker().joinsPrevious()).isTrue();
        List<Source> sources = new ArrayList<>(SnippetSources.sources(List.of(blocks.get(0)), "t.a"));
        sources.addAll(SnippetSources.sources(List.of(blocks.get(2)), "t.b"));
        sources.addAll(SnippetSources.sources(List.of(blocks.get(3), blocks.get(4)), "t.c"));
        assertThat(sources.get(2).path()).isEqualTo("t/c/Point.java");
        List<String> errors = SnippetCompiler.compile(sources, s -> "T.md", dir);
        // the one error is reported at the Markdown line that holds it
        assertThat(errors).singleElement().asString().startsWith("T.md:6: cannot find symbol");
        assertThat(MarkdownBlocks.strayMarkers(md)).isEmpty();
    }
}
