package io.chspring.boot.autoconfigure.testcontainers;

import org.testcontainers.clickhouse.ClickHouseContainer;

/** How a {@link ClickHouseContainer}'s coordinates become client connection details. */
final class ContainerMapping {

    private ContainerMapping() {
    }

    /** The container's HTTP endpoint (host and mapped port of 8123); the database travels separately. */
    static String url(ClickHouseContainer container) {
        return container.getHttpUrl();
    }

    /** The container's database; {@code default} (the container's default) is left to the server. */
    static String database(ClickHouseContainer container) {
        String database = container.getDatabaseName();
        return database == null || database.isEmpty() || database.equals("default") ? null : database;
    }
}
