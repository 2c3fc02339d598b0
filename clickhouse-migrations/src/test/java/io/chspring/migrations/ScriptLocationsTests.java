package io.chspring.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts found in class path folders, in jars, and in file system folders; subfolders and other files are not. */
class ScriptLocationsTests {

    @TempDir
    Path dir;

    private Path jar() throws IOException {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // folder entries as Maven and Gradle write them: the class loader finds the folder by its entry
            for (String folder : new String[] { "db/", "db/clickhouse/", "db/clickhouse/sub/",
                    "db/clickhouse-other/" }) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            entry(out, "db/clickhouse/V1__in_jar.sql", "SELECT 1");
            entry(out, "db/clickhouse/notes.txt", "not a script");
            entry(out, "db/clickhouse/sub/V9__nested.sql", "SELECT 9");
            entry(out, "db/clickhouse-other/V8__sibling.sql", "SELECT 8");
        }
        return jar;
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void classpathLocationsReadFoldersAndJarsButNotSubfolders() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/db/clickhouse/sub"));
        Files.writeString(classes.getParent().resolve("V2__in_folder.sql"), "SELECT 2");
        Files.writeString(classes.resolve("V7__nested.sql"), "SELECT 7");
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar().toUri().toURL(),
                dir.resolve("classes").toUri().toURL() }, null)) {
            assertThat(ScriptLocations.find("classpath:db/clickhouse", loader))
                    .extracting(MigrationResource::filename, MigrationResource::location, MigrationResource::content)
                    .containsExactlyInAnyOrder(
                            tuple("V1__in_jar.sql", "classpath:db/clickhouse", "SELECT 1"),
                            tuple("V2__in_folder.sql", "classpath:db/clickhouse", "SELECT 2"));
            assertThat(ScriptLocations.exists("classpath:/db/clickhouse/", loader)).isTrue();
            assertThat(ScriptLocations.exists("classpath:db/nothing", loader)).isFalse();
        }
    }

    @Test
    void fileSystemLocations() throws IOException {
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1");
        Files.writeString(dir.resolve("readme.md"), "no");
        assertThat(ScriptLocations.find("filesystem:" + dir, getClass().getClassLoader()))
                .extracting(MigrationResource::filename).containsExactly("V1__a.sql");
        assertThat(ScriptLocations.find(dir.toString(), getClass().getClassLoader())).hasSize(1);
        assertThat(ScriptLocations.exists("filesystem:" + dir.resolve("missing"), getClass().getClassLoader()))
                .isFalse();
        assertThat(ScriptLocations.find("filesystem:" + dir.resolve("missing"), getClass().getClassLoader()))
                .isEmpty();
    }
}
