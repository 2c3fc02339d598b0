package io.chspring.boot.autoconfigure;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.sql.Identifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Creates the client's database when {@code clickhouse.create-database} is on. The statement goes to the
 * {@code default} database: a request naming a database that does not exist fails before it runs.
 */
final class DatabaseCreator {

    private static final Log log = LogFactory.getLog(DatabaseCreator.class);

    private DatabaseCreator() {
    }

    static void createIfMissing(ClickHouseClient client) {
        String database = client.config().database().orElse(null);
        if (database == null || database.isEmpty()) {
            log.debug("clickhouse.create-database is on but the URL names no database: nothing to create");
            return;
        }
        client.withDatabase("default").execute("CREATE DATABASE IF NOT EXISTS ?", Identifier.of(database));
        log.info("Database '" + database + "' exists or was created (clickhouse.create-database=true)");
    }
}
