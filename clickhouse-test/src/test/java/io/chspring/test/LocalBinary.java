package io.chspring.test;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The server binary for tests that start their own {@link LocalClickHouseServer}: skipped without one, failed on CI. */
final class LocalBinary {

    private LocalBinary() {
    }

    static Path require() {
        return ServerBinary.find(System.getenv(), ServerBinary.WELL_KNOWN).map(ServerBinary::path).orElseGet(() -> {
            String message = "no ClickHouse server binary (" + ServerBinary.searchDescription(ServerBinary.WELL_KNOWN)
                    + "); install one with `apt-get install -y clickhouse-server`";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
            return null;
        });
    }
}
