package io.chspring.client.transport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A body that holds its bytes already compressed as ClickHouse LZ4 frames (an inserter batch compressed while its
 * rows were appended). A transport that compresses request bodies sends these frames as they are instead of
 * compressing {@link #writeTo} again; any other transport reads the plain bytes from {@link #writeTo}.
 */
public interface Lz4FramedBody extends BodyWriter {

    /**
     * Writes the body as ClickHouse LZ4 frames (checksum, method 0x82, sizes, block), the same bytes on every call;
     * they decompress to exactly what {@link #writeTo} writes. Must not close {@code out}.
     */
    void writeLz4FramesTo(OutputStream out) throws IOException;

    /** The size of the body before compression: what {@link #writeTo} writes. */
    long uncompressedBytes();
}
