package io.chspring.arrow;

import java.io.IOException;

/**
 * Fills a {@code VectorSchemaRoot} again and again and hands each filling to the insert with
 * {@link ArrowBatchSink#writeBatch()}, on the calling thread, so that one batch at a time is in memory.
 */
@FunctionalInterface
public interface ArrowBatchProducer {

    /** Produces the batches; an exception thrown here aborts the insert. */
    void produce(ArrowBatchSink sink) throws IOException;
}
