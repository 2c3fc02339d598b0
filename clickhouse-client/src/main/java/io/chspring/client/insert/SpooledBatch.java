package io.chspring.client.insert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A batch read back from a spool file; its payload streams from the file on each {@link #writeTo}. */
public final class SpooledBatch implements Batch {

    private final Path file;
    private final long payloadOffset;
    private final String table;
    private final List<String> columns;
    private final String dedupToken;
    private final long rows;
    private final long bytes;
    private final Instant createdAt;
    private final Instant failedAt;
    private final String lastError;

    SpooledBatch(Path file, long payloadOffset, String table, List<String> columns, String dedupToken, long rows,
            long bytes, Instant createdAt, Instant failedAt, String lastError) {
        this.file = file;
        this.payloadOffset = payloadOffset;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.dedupToken = dedupToken;
        this.rows = rows;
        this.bytes = bytes;
        this.createdAt = createdAt;
        this.failedAt = failedAt;
        this.lastError = lastError;
    }

    /** The spool file. */
    public Path file() {
        return file;
    }

    /** When the batch was spooled. */
    public Instant failedAt() {
        return failedAt;
    }

    /** The message of the error that made the batch fail. */
    public String lastError() {
        return lastError;
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

    @Override
    public void writeTo(OutputStream out) throws IOException {
        SpoolFormat.copyPayload(file, payloadOffset, bytes, out);
    }

    @Override
    public String toString() {
        return "SpooledBatch[file=" + file + ", table=" + table + ", token=" + dedupToken + ", rows=" + rows + "]";
    }
}
