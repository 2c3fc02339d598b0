package io.chspring.sample;

import io.chspring.client.ClickHouseClient;

/**
 * Prints {@code count()} of {@code page_views} in an embedded engine's data directory (argument 1). Runs in a JVM of
 * its own: chDB allows one data path per process.
 */
final class EmbeddedRowCount {

    private EmbeddedRowCount() {
    }

    public static void main(String[] args) {
        try (ClickHouseClient client = ClickHouseClient.fromUrl("chdb:" + args[0])) {
            System.out.println("COUNT=" + client.query("SELECT count() FROM page_views").fetchOne(Long.class));
        }
    }
}
