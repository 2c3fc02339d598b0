package io.chspring.client.transport;

import io.chspring.client.compression.FrameCodec;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a request body goes, handed to the body by the transport. Whether the body travels LZ4-framed is decided
 * once, before the request is made ({@link TransportRequest#compressRequest()}), and the sink follows that decision:
 * plain bytes written to {@link #plain()} are framed on the way when the body is compressed, and a body that made its
 * frames itself (on the thread that wrote the rows) hands them to {@link #frame} as they are. A writer never has to
 * ask what the transport is.
 */
public interface BodySink {

    /** Whether the body travels as ClickHouse LZ4 frames ({@code decompress=1}); only then is {@link #frame} allowed. */
    boolean framed();

    /**
     * How this body's frames are made ({@link TransportRequest#requestCodec()}): a body that frames its bytes itself
     * after the request was made (an {@code Insert}'s last small block) uses it, so that every frame of a request
     * has the method the client chose.
     */
    default FrameCodec codec() {
        return FrameCodec.lz4();
    }

    /** The body's plain bytes, framed on the way when {@link #framed()}; must not be closed. */
    OutputStream plain() throws IOException;

    /**
     * One finished ClickHouse frame (checksum, method, sizes, block) of {@code plainLength} uncompressed bytes.
     *
     * @throws IllegalStateException when the body is not {@link #framed()}: whoever made the frames did not follow
     *     the request's decision
     */
    void frame(byte[] frame, int offset, int length, int plainLength) throws IOException;

    /** A sink that sends plain bytes as they are, for a transport that takes bodies unframed. */
    static BodySink plain(OutputStream out) {
        return new WireSink(out, false, FrameCodec.lz4());
    }
}
