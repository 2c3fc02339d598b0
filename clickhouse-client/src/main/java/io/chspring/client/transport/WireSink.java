package io.chspring.client.transport;

import io.chspring.client.compression.ClickHouseLz4OutputStream;
import io.chspring.client.compression.FrameCodec;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@link BodySink} over a connection's output stream. A framed sink makes its framing stream (and its 1 MiB
 * block) only when plain bytes are written: a body that brings its own frames costs nothing here.
 */
final class WireSink implements BodySink {

    private final OutputStream wire;
    private final boolean framed;
    private final FrameCodec codec;
    private ClickHouseLz4OutputStream lz4;

    WireSink(OutputStream wire, boolean framed, FrameCodec codec) {
        this.wire = wire;
        this.framed = framed;
        this.codec = codec;
    }

    @Override
    public FrameCodec codec() {
        return codec;
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
            lz4 = new ClickHouseLz4OutputStream(wire, ClickHouseLz4OutputStream.DEFAULT_BLOCK_SIZE, codec);
        }
        return lz4;
    }

    @Override
    public void frame(byte[] frame, int offset, int length, int plainLength) throws IOException {
        if (!framed) {
            throw new IllegalStateException("compressed frames for a request whose body is not compressed");
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
