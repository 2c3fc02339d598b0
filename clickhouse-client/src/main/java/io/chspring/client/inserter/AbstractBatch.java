package io.chspring.client.inserter;

import java.time.Instant;
import java.util.List;

/**
 * What every {@link Batch} knows besides its payload: table, columns, dedup token, age and counts. An in-memory
 * batch counts its rows as they are appended; a spooled one reads the counts from its file header.
 *
 * <p>The accessors are not final on purpose: javac then adds public bridges to the public {@link SpooledBatch},
 * so reflection through that class (a JSON mapper, say) works although this class is package-private.
 */
abstract class AbstractBatch implements Batch {

    private final String table;
    private final List<String> columns;
    private final String dedupToken;
    private final Instant createdAt;
    private long rows;
    private long bytes;

    AbstractBatch(String table, List<String> columns, String dedupToken, Instant createdAt, long rows, long bytes) {
        this.table = table;
        this.columns = columns;
        this.dedupToken = dedupToken;
        this.createdAt = createdAt;
        this.rows = rows;
        this.bytes = bytes;
    }

    /** Counts one more row of {@code length} payload bytes. */
    final void counted(int length) {
        rows++;
        bytes += length;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public String dedupToken() {
        return dedupToken;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }
}
