package io.chspring.client.transport;

import io.chspring.client.compression.ClickHouseLz4OutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A {@link BodySink} into memory that behaves as the HTTP transport's: framed or not, plain bytes framed on the way. */
public final class TestSink implements BodySink {

    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final boolean framed;
    private ClickHouseLz4OutputStream lz4;
    private long framedPlainBytes;

    private TestSink(boolean framed) {
        this.framed = framed;
    }

    public static TestSink compressed() {
        return new TestSink(true);
    }

    public static TestSink uncompressed() {
        return new TestSink(false);
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
            lz4.flush();
        }
        wire.write(frame, offset, length);
        framedPlainBytes += plainLength;
    }

    /** What went on the wire. */
    public byte[] bytes() throws IOException {
        if (lz4 != null) {
            lz4.finish();
        }
        return wire.toByteArray();
    }

    /** The uncompressed bytes of the frames handed over, as their makers declared them. */
    public long framedPlainBytes() {
        return framedPlainBytes;
    }
}
