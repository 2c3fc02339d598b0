package io.chspring.arrow;

import io.chspring.client.query.QueryResponse;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * A query result in ClickHouse's {@code ArrowStream} format, read batch by batch as the response arrives: an Arrow
 * {@code ArrowReader}, so it goes wherever Arrow takes one (for example the C data interface's
 * {@code Data.exportArrayStream}). {@code loadNextBatch()} replaces the batch in {@code getVectorSchemaRoot()} with
 * the next one; {@code close()} frees the batch and releases the connection, dropping it when much of the result is
 * still unread, so that closing early does not read the rest. Errors the server reports after rows were sent are
 * thrown from {@code loadNextBatch()} as the client's exceptions. Not thread-safe.
 */
public final class ArrowQueryReader extends ArrowStreamReader {

    private final String queryId;

    ArrowQueryReader(QueryResponse response, BufferAllocator allocator) {
        super(response, allocator);
        this.queryId = response.queryId();
    }

    /** The query id (the client's, or the server's when it reported one). */
    public String queryId() {
        return queryId;
    }

    @Override
    public String toString() {
        return "ArrowQueryReader[" + queryId + "]";
    }
}
