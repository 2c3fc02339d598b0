package io.chspring.client.transport;

import java.io.IOException;

/**
 * A request body as the transport sends it: it writes itself into the {@link BodySink} the transport hands it, plain
 * bytes or (for a compressed body that framed its rows as they were written) finished LZ4 frames.
 */
@FunctionalInterface
public interface RequestBody {

    /** Writes the body; the sink is the transport's and must not be closed. */
    void writeTo(BodySink sink) throws IOException;

    /**
     * The body's content type, or {@code null} for plain data ({@code application/octet-stream}); external data says
     * {@code multipart/form-data; boundary=...}.
     */
    default String contentType() {
        return null;
    }

    /** The body of a writer of plain bytes; framed by the sink when the request body is compressed. */
    static RequestBody of(BodyWriter writer) {
        return sink -> writer.writeTo(sink.plain());
    }
}
