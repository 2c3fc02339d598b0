package io.chspring.boot.autoconfigure.inserter;

import io.chspring.boot.autoconfigure.ClickHouseInserterProperties;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterBuilder;
import java.util.Objects;

/**
 * Builds the {@link Inserter} beans with the {@code clickhouse.inserter.*} options of their table. Every Inserter it
 * builds depends on this factory and so on the client: the context closes (flushes) them before it closes the
 * client. Define a bean of this type to change how Inserters are built.
 */
public class ClickHouseInserterFactory {

    private final ClickHouseClient client;
    private final ClickHouseInserterProperties properties;

    /** A factory building on {@code client} with {@code properties}. */
    public ClickHouseInserterFactory(ClickHouseClient client, ClickHouseInserterProperties properties) {
        this.client = Objects.requireNonNull(client, "client");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** The client the Inserters send through. */
    public ClickHouseClient client() {
        return client;
    }

    /**
     * Builds the Inserter of {@code type} rows for {@code table}, mapped by the client's row mapping. Asks the server
     * for the table's columns ({@code DESCRIBE TABLE}), so a missing table or column fails here, at startup.
     */
    public <T> Inserter<T> create(String table, Class<T> type) {
        return configure(table, client.inserter(table, type)).build();
    }

    /**
     * Applies the options of {@code table} to {@code builder}. The JVM shutdown hook is turned off: the application
     * context closes the Inserter, before the client, when it shuts down.
     */
    public <T> InserterBuilder<T> configure(String table, InserterBuilder<T> builder) {
        ClickHouseInserterProperties.Options options = properties.forTable(table);
        builder.maxRows(options.maxRows()).maxBytes(options.maxBytes()).period(options.period())
                .periodBias(options.periodBias()).retryBudget(options.retryBudget())
                .writeTimeout(options.writeTimeout()).closeTimeout(options.shutdownTimeout()).shutdownHook(false);
        if (options.maxBufferedBytes() != null) {
            builder.maxBufferedBytes(options.maxBufferedBytes().toBytes());
        }
        if (options.spoolDirectory() != null) {
            builder.spoolDirectory(options.spoolDirectory());
        }
        return builder;
    }
}
