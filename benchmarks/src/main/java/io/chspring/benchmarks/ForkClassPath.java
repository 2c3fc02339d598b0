package io.chspring.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The class paths the benchmarks start their forks with. */
final class ForkClassPath {

    private ForkClassPath() {
    }

    /**
     * The class path of an application that uses the client: where the benchmark's classes are (its
     * {@code target/classes} or jar), then {@code client-classpath.txt} beside them (the client's runtime jars and
     * slf4j-simple, as the build lists them).
     */
    static String application() throws IOException, URISyntaxException {
        Path own = Path.of(E2eFork.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path listed = own.toAbsolutePath().getParent().resolve("client-classpath.txt");
        if (!Files.exists(listed)) {
            throw new IllegalStateException(listed + " is missing: build the benchmarks with package (run.sh does)");
        }
        return own + File.pathSeparator + Files.readString(listed).strip();
    }

    /** {@code classPath} with each jar that {@code jars} also holds (by file name) taken from there: an earlier build. */
    static String withJars(String classPath, Path jars) {
        List<String> parts = new ArrayList<>();
        for (String part : classPath.split(File.pathSeparator)) {
            Path jar = jars.resolve(Path.of(part).getFileName());
            parts.add(part.endsWith(".jar") && Files.exists(jar) ? jar.toString() : part);
        }
        return String.join(File.pathSeparator, parts);
    }

    /**
     * {@code classPath} with each {@code target/classes} directory replaced by the jar built beside it: an AppCDS
     * archive takes jars only.
     */
    static String jarsOnly(String classPath) throws IOException {
        List<String> parts = new ArrayList<>();
        for (String part : classPath.split(File.pathSeparator)) {
            Path entry = Path.of(part);
            if (Files.isDirectory(entry)) {
                Path target = entry.toAbsolutePath().getParent();
                try (Stream<Path> files = Files.list(target)) {
                    Path jar = files.filter(f -> f.getFileName().toString().matches("chspring-.*\\.jar")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("--cds needs jars only on the class path; no "
                                    + "jar beside " + entry + " (build the benchmarks with package)"));
                    parts.add(jar.toString());
                }
            } else {
                parts.add(part);
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
