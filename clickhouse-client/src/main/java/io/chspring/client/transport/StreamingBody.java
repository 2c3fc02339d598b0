package io.chspring.client.transport;

import io.chspring.client.compression.FrameCodec;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body written straight onto the connection, with chunked transfer encoding (unknown length), through a
 * {@link BodySink} that LZ4-frames plain bytes or passes finished frames when the request body is compressed.
 * Nothing is buffered beyond one LZ4 block, and only for plain bytes that the sink frames.
 */
final class StreamingBody extends AbstractHttpEntity {

    private final RequestBody body;
    private final boolean compress;
    private final FrameCodec codec;
    private final boolean repeatable;

    StreamingBody(RequestBody body, boolean compress, FrameCodec codec, boolean repeatable, String contentType) {
        super(contentType, null, true);
        this.body = body;
        this.compress = compress;
        this.codec = codec;
        this.repeatable = repeatable;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        // The writer must not close the connection's stream, whatever it does.
        OutputStream shielded = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        WireSink sink = new WireSink(shielded, compress, codec);
        body.writeTo(sink);
        sink.finish();
        shielded.flush();
    }

    /** Repeatable only when the request says it is idempotent: the writer then promises to write the same bytes. */
    @Override
    public boolean isRepeatable() {
        return repeatable;
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("a streamed request body can only be written");
    }

    @Override
    public boolean isStreaming() {
        return !repeatable;
    }

    @Override
    public void close() {
        // nothing held: the body owns its source
    }
}
