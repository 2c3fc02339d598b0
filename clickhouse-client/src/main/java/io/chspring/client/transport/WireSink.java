package io.chspring.client.transport;

import io.chspring.client.compression.ClickHouseLz4OutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@link BodySink} over a connection's output stream. A framed sink makes its LZ4 framing stream (and its 1 MiB
 * block) only when plain bytes are written: a body that brings its own frames costs nothing here.
 */
final class WireSink implements BodySink {

    private final OutputStream wire;
    private final boolean framed;
    private ClickHouseLz4OutputStream lz4;

    WireSink(OutputStream wire, boolean framed) {
        this.wire = wire;
        this.framed = framed;
    }

    @Override
    public boolean framed() {
        return framed;
    }

    @Override
    public OutputStream plain() {
        if (!framed) {
            return wire;
        }
        if (lz4 == null) {
            lz4 = new ClickHouseLz4OutputStream(wire);
        }
        return lz4;
    }

    @Override
    public void frame(byte[] frame, int offset, int length, int plainLength) throws IOException {
        if (!framed) {
            throw new IllegalStateException("LZ4 frames for a request whose body is not compressed");
        }
        if (lz4 != null) {
            lz4.flush(); // plain bytes written before go first, as a frame of their own
        }
        wire.write(frame, offset, length);
    }

    /** Frames what plain bytes are still buffered; the body is then complete. */
    void finish() throws IOException {
        if (lz4 != null) {
            lz4.finish();
        }
    }
}
