package io.chspring.client.transport;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a request body, for example the rows of an INSERT, straight to the wire. */
@FunctionalInterface
public interface BodyWriter {

    /**
     * Writes the body. The stream is compressed by the transport when the request asks for it; the writer
     * must not close it.
     */
    void writeTo(OutputStream out) throws IOException;
}
