package io.chspring.test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What tests that start their own {@link LocalClickHouseServer}, TLS server or {@link LocalClickHouseCluster} need
 * from the machine. Each check returns what it found; when something is missing it aborts the test (skipped) with
 * the command that installs it, or fails it when {@code $CI} is {@code true}, where a skipped test would pass
 * unnoticed.
 */
public final class TestPrerequisites {

    private TestPrerequisites() {
    }

    /** The ClickHouse server binary, found as {@link LocalClickHouseServer} finds it. */
    public static Path serverBinary() {
        return require(ServerBinary.find(System.getenv(), ServerBinary.WELL_KNOWN).map(ServerBinary::path),
                "no ClickHouse server binary (" + ServerBinary.searchDescription(ServerBinary.WELL_KNOWN)
                        + "); install one with `apt-get install -y clickhouse-server`");
    }

    /** The {@code openssl} command that {@link TestCertificates} runs. */
    public static Path openssl() {
        return require(TestCertificates.findOpenssl(System.getenv()),
                "no openssl on $PATH, needed for test certificates; install it with `apt-get install -y openssl`");
    }

    /** ZooKeeper's server jar for {@link LocalClickHouseCluster}. */
    public static Path zooKeeperJar() {
        return require(LocalZooKeeper.findJar(System.getenv()), "no ZooKeeper (looked at $" + LocalZooKeeper.ENV_JAR + ", "
                + LocalZooKeeper.DEBIAN_JAR + "); install it with `apt-get install -y --no-install-recommends zookeeper`");
    }

    private static <T> T require(Optional<T> found, String missing) {
        if (found.isPresent()) {
            return found.get();
        }
        if (ci(System.getenv())) {
            throw new AssertionError(missing + " (failing instead of skipping because CI=true)");
        }
        Assumptions.abort(missing);
        throw new AssertionError("unreachable");
    }

    static boolean ci(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.get("CI"));
    }
}
