package io.chspring.boot.autoconfigure.health;

import io.chspring.client.ClickHouseClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports a ClickHouse server up when it answers {@code SELECT version()} (one round trip that proves the
 * connection, the credentials and query execution), with the version as a detail; down with the error otherwise.
 */
public class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final ClickHouseClient client;

    /** An indicator checking the server behind {@code client}. */
    public ClickHouseHealthIndicator(ClickHouseClient client) {
        super("ClickHouse health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // Runs with the client's database and settings on purpose: a dropped database or a setting the server
        // rejects breaks every query of the application, so it should show as DOWN.
        String version = client.query("SELECT version()").fetchString("TabSeparated").strip();
        builder.up().withDetail("version", version);
    }
}
