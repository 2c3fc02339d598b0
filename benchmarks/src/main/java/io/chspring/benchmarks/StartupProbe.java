package io.chspring.benchmarks;

import io.chspring.client.ClickHouseClient;
import io.chspring.test.LocalClickHouseServer;

/**
 * The child JVM of {@link StartupBench}: gets to a first {@code SELECT 1} answer as fast as an application would,
 * prints {@code ANSWERED}, then shuts down (which is not timed). Arguments: {@code embedded}, {@code local} (starts a
 * private 18.16 server first) or {@code http <url>} (an already running server).
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    /** Runs one probe. */
    public static void main(String[] args) {
        LocalClickHouseServer server = null;
        String url = switch (args[0]) {
            case "embedded" -> "chdb::memory:";
            case "local" -> {
                server = LocalClickHouseServer.builder().build();
                server.start();
                yield server.url();
            }
            case "http" -> args[1];
            default -> throw new IllegalArgumentException("unknown probe " + args[0]);
        };
        try (ClickHouseClient client = ClickHouseClient.fromUrl(url)) {
            long one = client.query("SELECT 1").fetchOne(Long.class);
            System.out.println("ANSWERED " + one);
            System.out.flush();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
