package io.chspring.arrow;

import io.chspring.client.ClickHouseClient;
import java.util.Objects;

/**
 * Apache Arrow reads and writes over a {@link ClickHouseClient}: results in ClickHouse's {@code ArrowStream} format
 * as {@code VectorSchemaRoot} batches, and Arrow batches inserted in that format. Immutable and thread-safe; each
 * {@link #query(String)} and {@link #insert(String)} starts a one-use request.
 *
 * <pre>{@code
 * ClickHouseArrow arrow = ClickHouseArrow.of(client);
 * try (BufferAllocator allocator = new RootAllocator();
 *      ArrowQueryReader reader = arrow.query("SELECT id, name FROM events").fetch(allocator)) {
 *     while (reader.loadNextBatch()) {
 *         VectorSchemaRoot batch = reader.getVectorSchemaRoot();   // one batch in memory at a time
 *     }
 * }
 * }</pre>
 *
 * <p>Needs ClickHouse 20.5 or newer (and the embedded engine); older servers are refused before anything is sent.
 */
public final class ClickHouseArrow {

    private final ClickHouseClient client;

    private ClickHouseArrow(ClickHouseClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Arrow reads and writes through {@code client}, with its settings, database, session and compression. */
    public static ClickHouseArrow of(ClickHouseClient client) {
        return new ClickHouseArrow(client);
    }

    /** A query whose result is read as Arrow batches; bind values and set options, then call {@code fetch}. */
    public ArrowQuery query(String sql) {
        return new ArrowQuery(client, sql);
    }

    /** An {@code INSERT INTO table FORMAT ArrowStream}, qualified or not ({@code "db.events"}). */
    public ArrowInsert insert(String table) {
        return new ArrowInsert(client, table);
    }

    /** The client this reads and writes through. */
    public ClickHouseClient client() {
        return client;
    }

    @Override
    public String toString() {
        return "ClickHouseArrow[" + client + "]";
    }
}
