package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBinaryTests {

    @TempDir
    Path dir;

    @Test
    void modernSingleBinaryOnPathWinsOverPackageLocationsAndRunsAsServer() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path single = executable(bin.resolve("clickhouse"));
        Path packaged = executable(dir.resolve("clickhouse-server"));

        ServerBinary found = ServerBinary.find(Map.of("PATH", "/nonexistent:" + bin), List.of(packaged)).orElseThrow();

        assertThat(found.path()).isEqualTo(single);
        assertThat(found.command(Path.of("/c/config.xml"), Path.of("/c/pid")))
                .containsExactly(single.toString(), "server", "--config-file=/c/config.xml", "--pid-file=/c/pid");
    }

    @Test
    void packagedServerRunsWithoutTheServerArgument() throws IOException {
        Path packaged = executable(dir.resolve("clickhouse-server"));
        Path notExecutable = Files.createFile(dir.resolve("clickhouse"));

        ServerBinary found = ServerBinary.find(Map.of("PATH", dir.toString()), List.of()).orElseThrow();

        assertThat(notExecutable).exists();
        assertThat(found.path()).isEqualTo(packaged);
        assertThat(found.command(Path.of("/c/config.xml"), Path.of("/c/pid"))).startsWith(packaged.toString(), "--config-file=/c/config.xml");
    }

    @Test
    void environmentVariableComesFirst() throws IOException {
        Path explicit = executable(dir.resolve("my-clickhouse"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("clickhouse"));

        assertThat(ServerBinary.find(Map.of("CLICKHOUSE_BINARY", explicit.toString(), "PATH", bin.toString()), List.of()))
                .hasValueSatisfying(b -> assertThat(b.path()).isEqualTo(explicit));
        assertThat(ServerBinary.find(Map.of("PATH", ""), List.of(dir.resolve("absent")))).isEmpty();
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
