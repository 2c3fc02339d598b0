package io.chspring.embedded;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.chspring.client.ClickHouseTransportException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One chDB connection: one session of the engine (its SET values, current database and temporary tables). A
 * connection runs one statement at a time; callers serialize their use of it. Every result handle it hands out must
 * be destroyed with {@link #destroy(Pointer)}; every method here does so itself on its error paths.
 */
final class ChdbConnection implements AutoCloseable {

    /** chDB's answer to a stream request for a statement it cannot stream (DDL, INSERT, SHOW, SYSTEM ...). */
    private static final String NOT_STREAMABLE = "Streaming query is not supported";

    private final ChdbEngine engine;
    private final ChdbApi api;
    private final Pointer handle;
    private final Pointer conn;
    private boolean closed;

    ChdbConnection(ChdbEngine engine, Pointer handle) {
        this.engine = engine;
        this.api = engine.api();
        this.handle = handle;
        // chdb_connect returns a pointer to the handle; queries take the handle itself.
        this.conn = handle.getPointer(0);
    }

    ChdbApi api() {
        return api;
    }

    Pointer handle() {
        return conn;
    }

    /** Runs a statement whose output does not matter (SET, USE); throws its error. */
    void run(String sql, String queryId) {
        destroy(buffered(sql.getBytes(StandardCharsets.UTF_8), "TabSeparated", Map.of(), queryId));
    }

    /** Runs a small query and returns its output as text. */
    String text(String sql, String queryId) {
        Pointer result = buffered(sql.getBytes(StandardCharsets.UTF_8), "TabSeparatedRaw", Map.of(), queryId);
        try {
            long length = api.chdb_result_length(result);
            Pointer buffer = api.chdb_result_buffer(result);
            return length == 0 || buffer == null ? "" : new String(buffer.getByteArray(0, Math.toIntExact(length)),
                    StandardCharsets.UTF_8);
        } finally {
            destroy(result);
        }
    }

    /** Runs a statement and returns its whole result (still in native memory); throws its error after freeing it. */
    Pointer buffered(byte[] sql, String format, Map<String, String> parameters, String queryId) {
        byte[] f = format.getBytes(StandardCharsets.US_ASCII);
        Pointer result;
        if (parameters.isEmpty()) {
            result = api.chdb_query_n(conn, sql, sql.length, f, f.length);
        } else {
            Params p = new Params(parameters);
            result = api.chdb_query_with_params_n(conn, sql, sql.length, f, f.length, p.names, p.nameLengths,
                    p.values, p.valueLengths, p.count);
        }
        return checked(result, queryId);
    }

    /**
     * Starts a streaming query and returns its stream handle, or {@code null} when chDB cannot stream this kind of
     * statement (it checks that before running anything); throws any other error.
     */
    Pointer stream(byte[] sql, String format, Map<String, String> parameters, String queryId) {
        byte[] f = format.getBytes(StandardCharsets.US_ASCII);
        Params p = new Params(parameters);
        Pointer stream = api.chdb_stream_query_with_params_n(conn, sql, sql.length, f, f.length, p.names,
                p.nameLengths, p.values, p.valueLengths, p.count);
        if (stream == null) {
            throw new ClickHouseTransportException("chDB returned no stream handle for query " + queryId);
        }
        String error = error(stream);
        if (error == null) {
            return stream;
        }
        destroy(stream);
        if (error.contains(NOT_STREAMABLE)) {
            return null;
        }
        throw ChdbErrors.toException(error, queryId, ChdbErrors.BEFORE_DATA);
    }

    /** The error text of a result, or {@code null}. */
    String error(Pointer result) {
        Pointer text = api.chdb_result_error(result);
        return text == null ? null : text.getString(0, "UTF-8");
    }

    void destroy(Pointer result) {
        if (result != null) {
            api.chdb_destroy_query_result(result);
        }
    }

    private Pointer checked(Pointer result, String queryId) {
        if (result == null) {
            throw new ClickHouseTransportException("chDB returned no result for query " + queryId);
        }
        String error = error(result);
        if (error != null) {
            destroy(result);
            throw ChdbErrors.toException(error, queryId, ChdbErrors.BEFORE_DATA);
        }
        return result;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            engine.closed(handle);
        }
    }

    /** Query parameters as native byte strings with lengths (binary-safe, for the {@code _n} functions). */
    private static final class Params {
        final Pointer[] names;
        final long[] nameLengths;
        final Pointer[] values;
        final long[] valueLengths;
        final long count;

        Params(Map<String, String> parameters) {
            int n = parameters.size();
            names = new Pointer[Math.max(n, 1)];
            values = new Pointer[Math.max(n, 1)];
            nameLengths = new long[Math.max(n, 1)];
            valueLengths = new long[Math.max(n, 1)];
            count = n;
            int i = 0;
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                names[i] = bytes(e.getKey().getBytes(StandardCharsets.UTF_8));
                nameLengths[i] = e.getKey().getBytes(StandardCharsets.UTF_8).length;
                byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
                values[i] = bytes(value);
                valueLengths[i] = value.length;
                i++;
            }
        }

        private static Pointer bytes(byte[] b) {
            Memory m = new Memory(Math.max(b.length, 1));
            m.write(0, b, 0, b.length);
            return m;
        }
    }
}
