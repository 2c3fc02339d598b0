package io.chspring.embedded;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens clients on the memory-only engine for integration tests. Without libchdb.so the tests are skipped on a
 * developer machine but FAIL under {@code CI=true}, with the message that says how to fetch the library.
 */
final class EmbeddedEngine {

    private EmbeddedEngine() {
    }

    static ClickHouseClient client() {
        try {
            return EmbeddedClickHouse.client(EmbeddedClickHouse.MEMORY_URL);
        } catch (ClickHouseConfigurationException e) {
            if (e.getMessage().contains("libchdb.so was not found")) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(e.getMessage(), e);
                }
                Assumptions.abort(e.getMessage());
            }
            throw e;
        }
    }
}
