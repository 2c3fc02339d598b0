package io.chspring.boot.autoconfigure.inserter;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import java.io.Serial;

/**
 * Turns the two errors a new application meets first when its Inserter beans read their tables at start-up, a table
 * or a database that does not exist yet, into errors that say what to do. The server's code and query id are kept;
 * every other error passes through unchanged.
 */
final class InserterStartupErrors {

    /** ClickHouse's {@code UNKNOWN_TABLE}. */
    static final int UNKNOWN_TABLE = 60;

    /** ClickHouse's {@code UNKNOWN_DATABASE}. */
    static final int UNKNOWN_DATABASE = 81;

    private InserterStartupErrors() {
    }

    /** {@code error} with a hint when it says that {@code table} of {@code entity} or its database is missing. */
    static RuntimeException explain(RuntimeException error, Class<?> entity, String table) {
        ClickHouseException cause = serverError(error);
        if (cause == null) {
            return error;
        }
        String bean = "Inserter<" + entity.getSimpleName() + ">";
        if (cause.errorCode() == UNKNOWN_TABLE) {
            return new StartupException("The " + bean + " bean cannot start: table '" + table
                    + "' does not exist (UNKNOWN_TABLE). Inserter beans read their table's columns when they are"
                    + " created, so the table must exist before them.",
                    "Create the table before the Inserter beans: with a migration (clickhouse.migrations), or set"
                    + " clickhouse.inserter.lazy-initialization=true and inject ObjectProvider<" + bean + "> to"
                    + " create the Inserter on first use.", error, cause);
        }
        return new StartupException("The " + bean + " bean cannot start: the database of clickhouse.url does not"
                + " exist (UNKNOWN_DATABASE).",
                "Create the database (CREATE DATABASE name), correct its name in clickhouse.url or"
                + " clickhouse.database, or set clickhouse.create-database=true to create it at start-up.",
                error, cause);
    }

    private static ClickHouseException serverError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClickHouseException e
                    && (e.errorCode() == UNKNOWN_TABLE || e.errorCode() == UNKNOWN_DATABASE)) {
                return e;
            }
        }
        return null;
    }

    /** What went wrong and what to do, apart, for {@link InserterStartupFailureAnalyzer}; together in the message. */
    static final class StartupException extends ClickHouseConfigurationException {

        @Serial
        private static final long serialVersionUID = 1L;

        private final String description;
        private final String action;

        StartupException(String description, String action, RuntimeException error, ClickHouseException server) {
            super(description + " " + action + " Server said: " + server.getMessage(), error, server.errorCode(),
                    server.queryId(), false);
            this.description = description + " Server said: " + server.getMessage();
            this.action = action;
        }

        String description() {
            return description;
        }

        String action() {
            return action;
        }
    }
}
