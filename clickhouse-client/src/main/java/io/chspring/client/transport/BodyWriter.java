package io.chspring.client.transport;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a request body, for example the rows of an INSERT, straight to the wire. */
@FunctionalInterface
public interface BodyWriter {

    /**
     * Writes the body as plain bytes; they are LZ4-framed on the way when the client compresses request bodies.
     * The writer must not close the stream.
     */
    void writeTo(OutputStream out) throws IOException;
}
