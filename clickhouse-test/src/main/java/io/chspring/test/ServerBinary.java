package io.chspring.test;

import io.chspring.client.ClickHouseConfigurationException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ClickHouse server executable and how to run it: the Debian 18.x package ships {@code clickhouse-server},
 * modern releases ship one {@code clickhouse} binary that becomes the server with the {@code server} argument
 * (a {@code clickhouse-server} symlink to it dispatches on its own name and needs no argument).
 */
final class ServerBinary {

    /** Environment variable naming the server binary explicitly. */
    static final String ENV_BINARY = "CLICKHOUSE_BINARY";

    static final List<Path> WELL_KNOWN = List.of(Path.of("/usr/sbin/clickhouse-server"), Path.of("/usr/bin/clickhouse-server"));

    private final Path path;

    private ServerBinary(Path path) {
        this.path = path;
    }

    /** The binary at an explicitly configured path; fails when it is not an executable file. */
    static ServerBinary at(Path path, String origin) {
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new ClickHouseConfigurationException(origin + " points at " + path + ", which is not an executable file");
        }
        return new ServerBinary(path);
    }

    /**
     * Finds the binary: {@code CLICKHOUSE_BINARY}, then {@code clickhouse} and {@code clickhouse-server} on
     * {@code PATH}, then the well-known package locations.
     */
    static Optional<ServerBinary> find(Map<String, String> env, List<Path> wellKnown) {
        String explicit = env.get(ENV_BINARY);
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(at(Path.of(explicit), ENV_BINARY));
        }
        for (String name : List.of("clickhouse", "clickhouse-server")) {
            Optional<Path> onPath = onPath(env.getOrDefault("PATH", ""), name);
            if (onPath.isPresent()) {
                return Optional.of(new ServerBinary(onPath.get()));
            }
        }
        return wellKnown.stream().filter(ServerBinary::executable).findFirst().map(ServerBinary::new);
    }

    /** What {@link #find} looks at, for the message when nothing was found. */
    static String searchDescription(List<Path> wellKnown) {
        return "$" + ENV_BINARY + ", clickhouse and clickhouse-server on $PATH, " + wellKnown;
    }

    private static Optional<Path> onPath(String pathVariable, String name) {
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (executable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean executable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
    }

    Path path() {
        return path;
    }

    /** The command line that runs the server in the foreground with our config. */
    List<String> command(Path configFile, Path pidFile) {
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        if (path.getFileName().toString().equals("clickhouse")) {
            command.add("server");
        }
        command.add("--config-file=" + configFile);
        command.add("--pid-file=" + pidFile);
        return command;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
