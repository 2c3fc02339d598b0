package io.chspring.test;

import io.chspring.client.ClickHouseConfigurationException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the engine of a test run: {@code CLICKHOUSE_URL}, then Testcontainers (class path and a Docker
 * engine), then a local server binary. Either returns a running server or says what it tried.
 */
final class EngineSelector {

    static final String ENV_URL = "CLICKHOUSE_URL";
    static final String ENV_PASSWORD_USER = "CLICKHOUSE_TEST_PASSWORD_USER";
    static final String ENV_READONLY_USER = "CLICKHOUSE_TEST_READONLY_USER";
    static final String TESTCONTAINERS_CLASS = "org.testcontainers.clickhouse.ClickHouseContainer";

    /** A running server, or why there is none. */
    record Selection(RunningTestServer server, String unavailable) {
    }

    private final Map<String, String> env;
    private final List<Path> wellKnownBinaries;
    private final boolean testcontainersAllowed;

    EngineSelector(Map<String, String> env, List<Path> wellKnownBinaries, boolean testcontainersAllowed) {
        this.env = env;
        this.wellKnownBinaries = wellKnownBinaries;
        this.testcontainersAllowed = testcontainersAllowed;
    }

    static EngineSelector fromEnvironment() {
        return new EngineSelector(System.getenv(), ServerBinary.WELL_KNOWN, true);
    }

    Selection select() {
        String url = env.get(ENV_URL);
        if (url != null && !url.isBlank()) {
            return new Selection(fromUrl(url.strip()), null);
        }
        List<String> tried = new ArrayList<>();
        tried.add("$" + ENV_URL + ": not set");
        String docker = testcontainersProblem();
        if (docker == null) {
            return new Selection(TestcontainersEngine.start(env.getOrDefault(TestcontainersEngine.ENV_IMAGE, TestcontainersEngine.DEFAULT_IMAGE)), null);
        }
        tried.add("Testcontainers: " + docker);
        Optional<ServerBinary> binary = ServerBinary.find(env, wellKnownBinaries);
        if (binary.isPresent()) {
            return new Selection(startLocal(binary.get()), null);
        }
        tried.add("local server binary: none found (looked at " + ServerBinary.searchDescription(wellKnownBinaries) + ")");
        return new Selection(null, "No ClickHouse engine for integration tests. Tried: " + String.join("; ", tried)
                + ". Install one with `apt-get install -y clickhouse-server` (or put a modern `clickhouse` binary on PATH,"
                + " or set " + ServerBinary.ENV_BINARY + "), or point " + ENV_URL + " at a running server"
                + " (http://user:password@host:8123).");
    }

    private RunningTestServer fromUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            // The URL may hold a password: name the variable, not the value.
            throw new ClickHouseConfigurationException("$" + ENV_URL + " is not a valid URL", null);
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new ClickHouseConfigurationException("$" + ENV_URL + " must look like http[s]://[user:password@]host[:port][/database]");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(scheme) ? 8443 : 8123;
        ClickHouseCredentials user = new ClickHouseCredentials("default", "");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = new ClickHouseCredentials(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
        // URI.getHost() keeps the brackets of an IPv6 literal, so this stays a valid URL.
        URI base = URI.create(scheme + "://" + uri.getHost() + ":" + port);
        return new RunningTestServer("env", base, user, credentials(ENV_PASSWORD_USER), credentials(ENV_READONLY_USER), () -> { });
    }

    private Optional<ClickHouseCredentials> credentials(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(ClickHouseCredentials.parse(value.strip()));
    }

    /** Why Testcontainers cannot be used, or {@code null} when it can. Cheap checks first: Docker probing is slow. */
    private String testcontainersProblem() {
        if (!testcontainersAllowed) {
            return "disabled";
        }
        try {
            Class.forName(TESTCONTAINERS_CLASS, false, EngineSelector.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "not on the class path (org.testcontainers:testcontainers-clickhouse)";
        }
        if (!dockerSocketConfigured()) {
            return "no Docker engine ($DOCKER_HOST not set, no /var/run/docker.sock)";
        }
        if (!TestcontainersEngine.dockerAvailable()) {
            return "Docker engine configured but not reachable";
        }
        return null;
    }

    private boolean dockerSocketConfigured() {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        if (Files.exists(Path.of("/var/run/docker.sock")) || Files.exists(Path.of(home, ".docker/run/docker.sock"))) {
            return true;
        }
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock"))) {
            return true;
        }
        // Testcontainers' own configuration may name a remote engine.
        Path properties = Path.of(home, ".testcontainers.properties");
        try {
            return Files.isRegularFile(properties) && Files.readString(properties).contains("docker.host");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static RunningTestServer startLocal(ServerBinary binary) {
        LocalClickHouseServer local = LocalClickHouseServer.builder().binary(binary.path()).build();
        try {
            local.start();
            return new RunningTestServer("local", URI.create(local.url()), new ClickHouseCredentials("default", ""),
                    Optional.of(new ClickHouseCredentials("alice", "secret")), Optional.of(new ClickHouseCredentials("ro", "ro")),
                    local::close);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** Percent-decodes URL user info; unlike URLDecoder it keeps {@code +} as is. */
    static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
