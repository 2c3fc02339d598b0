package io.chspring.docs;

import io.chspring.docs.MarkdownBlocks.Block;
import io.chspring.docs.SnippetSources.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project of GETTING_STARTED.md, written from the page: every block under a {@code <!-- file: path -->} marker is
 * that file. A Java block without one is an error: the guide shows whole files only.
 */
record GettingStartedProject(Path directory, List<Source> sources, List<String> testClasses, List<String> problems) {

    static GettingStartedProject write(Path directory) throws IOException {
        Path guide = Docs.root().resolve("GETTING_STARTED.md");
        List<String> problems = new ArrayList<>(MarkdownBlocks.strayMarkers(guide));
        List<Source> sources = new ArrayList<>();
        List<String> testClasses = new ArrayList<>();
        for (Block block : MarkdownBlocks.read(guide).blocks()) {
            if (block.marker() == null || !block.marker().file()) {
                if (block.java()) {
                    problems.add("GETTING_STARTED.md:" + block.firstLine()
                            + ": a Java block of the guide is a whole file of the project (<!-- file: path -->)");
                }
                continue;
            }
            String path = block.marker().argument();
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, block.text(), StandardCharsets.UTF_8);
            if (path.endsWith(".java")) {
                String relative = path.replaceFirst("^src/(main|test)/java/", "");
                sources.add(new Source(relative, block.text(), block));
                if (path.startsWith("src/test/java/")) {
                    testClasses.add(relative.replace(".java", "").replace('/', '.'));
                }
            }
        }
        return new GettingStartedProject(directory, List.copyOf(sources), List.copyOf(testClasses),
                List.copyOf(problems));
    }

    /** Compiles main and test sources into {@code target/classes} with the resources; the compiler's errors. */
    List<String> build() throws IOException {
        Path classes = Files.createDirectories(classes());
        List<String> errors = SnippetCompiler.compile(sources, s -> "GETTING_STARTED.md", classes);
        try (var resources = Files.list(directory.resolve("src/main/resources"))) {
            for (Path resource : resources.toList()) {
                Files.copy(resource, classes.resolve(resource.getFileName().toString()));
            }
        }
        return errors;
    }

    Path classes() {
        return directory.resolve("target/classes");
    }
}
