package io.chspring.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the documentation is: the repository root (this module's parent) and the Markdown files users copy from. */
final class Docs {

    private Docs() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("chspring.root", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("GETTING_STARTED.md"))) {
            throw new AssertionError("not the repository root (no GETTING_STARTED.md): " + root);
        }
        return root;
    }

    /** README.md and every module's README.md: new modules are covered without editing this list. */
    static List<Path> readmes() {
        Path root = root();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> modules = Files.list(root)) {
            modules.filter(Files::isDirectory).map(dir -> dir.resolve("README.md")).filter(Files::isRegularFile)
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String name(Path file) {
        return root().relativize(file).toString();
    }
}
