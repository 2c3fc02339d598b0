package io.chspring.boot.autoconfigure.docker;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The user, password and database a {@code clickhouse/clickhouse-server} container was started with, from the
 * environment variables its entry point reads: {@code CLICKHOUSE_USER} (else {@code default}),
 * {@code CLICKHOUSE_PASSWORD} (else none) and {@code CLICKHOUSE_DB} (else the user's default database).
 */
final class ClickHouseComposeEnvironment {

    private final String username;
    private final @Nullable String password;
    private final @Nullable String database;

    ClickHouseComposeEnvironment(Map<String, @Nullable String> env) {
        String user = env.get("CLICKHOUSE_USER");
        this.username = user == null || user.isEmpty() ? "default" : user;
        String pass = env.get("CLICKHOUSE_PASSWORD");
        this.password = pass == null || pass.isEmpty() ? null : pass;
        String db = env.get("CLICKHOUSE_DB");
        this.database = db == null || db.isEmpty() ? null : db;
    }

    String username() {
        return username;
    }

    @Nullable String password() {
        return password;
    }

    @Nullable String database() {
        return database;
    }
}
