package io.chspring.client.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body of SQL text, UTF-8, with a fixed length. HttpCore's {@code StringEntity} formats its
 * {@code ContentType} into a new string for every request, one of the larger pieces JFR's allocation samples showed
 * in a small query's HttpClient work (issue 17; with the Host header set by {@link HttpRequests}, 16.1-16.4 KB per
 * request became 15.8 KB in {@code RequestCost}). This one takes the content type's text once.
 */
final class SqlBody extends AbstractHttpEntity {

    private final byte[] bytes;

    SqlBody(String sql) {
        super(ClickHouseHttp.CONTENT_TYPE_SQL, null);
        this.bytes = sql.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public InputStream getContent() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public long getContentLength() {
        return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public void close() {
        // nothing held but the bytes
    }
}
