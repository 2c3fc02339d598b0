package io.chspring.arrow;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ServerVersion;
import io.chspring.client.query.Query;
import io.chspring.client.query.QueryResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One query whose result is streamed as Arrow batches: a mutable builder, used once, not thread-safe. The options
 * are the client's {@code Query} options ({@code bind}, {@code param}, settings, query id, session, timeout), then
 * {@link #fetch(BufferAllocator)} runs it.
 */
public final class ArrowQuery {

    private final ClickHouseClient client;
    private final Query query;
    private boolean compressionChosen;

    ArrowQuery(ClickHouseClient client, String sql) {
        this.client = client;
        this.query = client.query(Objects.requireNonNull(sql, "sql"));
    }

    /** Binds values to the next {@code ?} placeholders, rendered client-side as SQL literals. */
    public ArrowQuery bind(Object... values) {
        query.bind(values);
        return this;
    }

    /** A server-side parameter for a {@code {name:Type}} placeholder (ClickHouse 19.11+). */
    public ArrowQuery param(String name, Object value) {
        query.param(name, value);
        return this;
    }

    /**
     * A ClickHouse setting for this query, for example {@code max_block_size} (rows per batch) or
     * {@code output_format_arrow_string_as_string}. Setting {@code output_format_arrow_compression_method} to
     * anything but {@code none} needs Arrow's {@code arrow-compression} module on the class path.
     */
    public ArrowQuery setting(String name, Object value) {
        query.setting(name, value);
        if (ArrowFormat.COMPRESSION_SETTING.equals(name)) {
            compressionChosen = true;
        }
        return this;
    }

    /** Several settings, in the map's order. */
    public ArrowQuery settings(Map<String, ?> values) {
        values.forEach(this::setting);
        return this;
    }

    /** The query id; a random one when not set. */
    public ArrowQuery queryId(String id) {
        query.queryId(id);
        return this;
    }

    /** Runs the query in a server session. */
    public ArrowQuery session(String id) {
        query.session(id);
        return this;
    }

    /** The database for this query, instead of the client's. */
    public ArrowQuery database(String name) {
        query.database(name);
        return this;
    }

    /** The longest this query may run, from sending it to reading its last byte; see {@code Query.timeout}. */
    public ArrowQuery timeout(Duration value) {
        query.timeout(value);
        return this;
    }

    /**
     * Runs the query and returns its result as Arrow batches, allocated from {@code allocator} (the caller's, so
     * that its limit bounds the memory and its close reports leaks). The server sends a batch per block
     * ({@code max_block_size} rows or fewer), and the reader holds one at a time. Close the reader: that releases the
     * batch and the connection, also before the last batch.
     *
     * @throws io.chspring.client.ClickHouseConfigurationException when the server is older than 20.5
     */
    public ArrowQueryReader fetch(BufferAllocator allocator) {
        Objects.requireNonNull(allocator, "allocator");
        ServerVersion version = ArrowFormat.requireSupport(client, "A query");
        if (!compressionChosen && ArrowFormat.compressesOutputByDefault(version)) {
            query.setting(ArrowFormat.COMPRESSION_SETTING, "none");
        }
        QueryResponse response = query.fetchBytes(ArrowFormat.NAME);
        return new ArrowQueryReader(response, allocator);
    }
}
