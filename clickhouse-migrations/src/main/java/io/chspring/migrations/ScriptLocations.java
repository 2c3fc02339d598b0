package io.chspring.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@code .sql} files directly inside locations: {@code classpath:db/clickhouse} (every class path entry
 * holding that directory, folders and jars) and {@code filesystem:/path} (or a plain path). Subdirectories are not
 * searched, so that a location's content is exactly what its listing shows.
 */
final class ScriptLocations {

    private ScriptLocations() {
    }

    /** Whether the location exists (a class path directory on some entry, or a directory). */
    static boolean exists(String location, ClassLoader loader) {
        if (location.startsWith("classpath:")) {
            try {
                return loader.getResources(classpathDirectory(location)).hasMoreElements();
            } catch (IOException e) {
                return false;
            }
        }
        return Files.isDirectory(fileSystemPath(location));
    }

    static List<MigrationResource> find(String location, ClassLoader loader) {
        try {
            return location.startsWith("classpath:") ? classpath(location, loader)
                    : directory(fileSystemPath(location), location);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the migration location " + location + " failed: " + e.getMessage(),
                    e);
        }
    }

    private static String classpathDirectory(String location) {
        String dir = location.substring("classpath:".length());
        while (dir.startsWith("/")) {
            dir = dir.substring(1);
        }
        return dir.endsWith("/") || dir.isEmpty() ? dir : dir + "/";
    }

    private static Path fileSystemPath(String location) {
        return Paths.get(location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location);
    }

    private static List<MigrationResource> classpath(String location, ClassLoader loader) throws IOException {
        String dir = classpathDirectory(location);
        List<MigrationResource> found = new ArrayList<>();
        Enumeration<URL> urls = loader.getResources(dir);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (url.getProtocol().equals("file")) {
                try {
                    found.addAll(directory(Paths.get(url.toURI()), location));
                } catch (URISyntaxException e) {
                    throw new IOException("bad class path URL " + url, e);
                }
            } else {
                URLConnection connection = url.openConnection();
                if (!(connection instanceof JarURLConnection jar)) {
                    throw new IOException("cannot list " + url + " (neither a directory nor a jar)");
                }
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    String prefix = jar.getEntryName() == null ? dir : jar.getEntryName();
                    prefix = prefix.endsWith("/") ? prefix : prefix + "/";
                    Enumeration<JarEntry> entries = file.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(".sql")
                                && name.indexOf('/', prefix.length()) < 0) {
                            try (InputStream in = file.getInputStream(entry)) {
                                found.add(new MigrationResource(name.substring(prefix.length()), location,
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<MigrationResource> directory(Path dir, String location) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<MigrationResource> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                found.add(new MigrationResource(file.getFileName().toString(), location,
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return found;
    }
}
