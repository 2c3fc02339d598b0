package io.chspring.client.inserter;

import io.chspring.client.transport.BodySink;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * One finished batch of RowBinary rows for one table, as handed to a {@link BatchSender} or an
 * {@link InserterFailureHandler}. Its payload can be written any number of times (once per attempt).
 */
public interface Batch {

    /** The target table, as given to the inserter (possibly {@code db.table}). */
    String table();

    /** The columns the rows are encoded for, in order. */
    List<String> columns();

    /** Number of rows in the payload. */
    long rows();

    /** Size of the RowBinary payload in bytes. */
    long bytes();

    /**
     * The deduplication token: the same on every attempt and in a spooled copy, so that a server that
     * supports {@code insert_deduplication_token} (22.2 and later) stores the rows once.
     */
    String dedupToken();

    /** When the first row of this batch was written. */
    Instant createdAt();

    /** Writes the whole RowBinary payload to {@code out}; does not close it. May be called repeatedly. */
    void writeTo(OutputStream out) throws IOException;

    /**
     * Writes the payload into a request body's sink, for a sender that inserts it: plain bytes by default. A batch
     * that holds its rows as LZ4 frames already (an inserter's, when the client compresses request bodies) hands the
     * frames over as they are.
     */
    default void writeBody(BodySink sink) throws IOException {
        writeTo(sink.plain());
    }
}
