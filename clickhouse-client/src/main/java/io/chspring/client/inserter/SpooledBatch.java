package io.chspring.client.inserter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A batch read back from a spool file; its payload streams from the file on each {@link #writeTo}. */
public final class SpooledBatch extends AbstractBatch {

    private final Path file;
    private final long payloadOffset;
    private final Instant failedAt;
    private final String lastError;

    SpooledBatch(Path file, long payloadOffset, String table, List<String> columns, String dedupToken, long rows,
            long bytes, Instant createdAt, Instant failedAt, String lastError) {
        super(table, List.copyOf(columns), dedupToken, createdAt, rows, bytes);
        this.file = file;
        this.payloadOffset = payloadOffset;
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
    public void writeTo(OutputStream out) throws IOException {
        SpoolFormat.copyPayload(file, payloadOffset, bytes(), out);
    }

    @Override
    public String toString() {
        return "SpooledBatch[file=" + file + ", table=" + table() + ", token=" + dedupToken() + ", rows=" + rows() + "]";
    }
}
