package io.chspring.migrations;

import java.util.Objects;

/**
 * A script found in a location: its file name ({@code V1__page_views.sql}), where it was found (for messages) and its
 * text. {@link ClickHouseMigrations.Builder#locations} finds these on the class path and the file system; an
 * integration (Spring's resource loading, for instance) may find them itself and pass them to
 * {@link ClickHouseMigrations.Builder#resources}.
 *
 * @param filename the file name without directories
 * @param location where it was found, e.g. {@code classpath:db/clickhouse}
 * @param content the script's text
 */
public record MigrationResource(String filename, String location, String content) {

    public MigrationResource {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(content, "content");
    }
}
