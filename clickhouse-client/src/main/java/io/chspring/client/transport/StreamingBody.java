package io.chspring.client.transport;

import io.chspring.client.compression.ClickHouseLz4OutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body written by a {@link BodyWriter} straight onto the connection, with chunked transfer encoding
 * (unknown length) and optional ClickHouse LZ4 framing. Nothing is buffered beyond one LZ4 block.
 */
final class StreamingBody extends AbstractHttpEntity {

    private final BodyWriter writer;
    private final boolean compress;
    private final boolean repeatable;

    StreamingBody(BodyWriter writer, boolean compress, boolean repeatable, ContentType contentType) {
        super(contentType, null, true);
        this.writer = writer;
        this.compress = compress;
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
        if (compress && writer instanceof Lz4FramedBody framed) {
            framed.writeLz4FramesTo(shielded);
        } else if (compress) {
            ClickHouseLz4OutputStream lz4 = new ClickHouseLz4OutputStream(shielded);
            writer.writeTo(lz4);
            lz4.finish();
        } else {
            writer.writeTo(shielded);
        }
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
        // nothing held: the writer owns its source
    }
}
