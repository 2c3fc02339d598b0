package io.chspring.arrow;

import java.io.IOException;

/** Where an {@link ArrowBatchProducer} sends its batches. */
public interface ArrowBatchSink {

    /**
     * Writes the rows the root holds now ({@code setRowCount}) to the request body as one record batch; the root
     * may be refilled as soon as this returns.
     */
    void writeBatch() throws IOException;

    /** The batches written so far. */
    long batches();

    /** The rows written so far. */
    long rows();
}
