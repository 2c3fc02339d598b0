package io.chspring.client.query;

import io.chspring.client.transport.BodySink;
import io.chspring.client.transport.RequestBody;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The {@code multipart/form-data} body of a query with external data: one part per table, named by the table and
 * with a file name (the server hands only parts with a file name to its external-tables handler; a part without one
 * is a form field), each table's bytes streamed as its source writes them.
 *
 * <p>Always plain: the server parses the multipart body from the raw request stream before anything would be
 * decompressed ({@code decompress=1} and {@code Content-Encoding} are not applied to it; checked on 18.16, where a
 * compressed part arrives as its compressed bytes, and in the current HTTP handler, which loads the form from the
 * request's own stream). The boundary is random per request: 122 random bits, which rows will not contain by chance.
 */
final class MultipartBody implements RequestBody {

    private static final byte[] CRLF = {'\r', '\n'};

    private final List<ExternalTable> tables;
    private final String boundary;

    MultipartBody(List<ExternalTable> tables) {
        this.tables = List.copyOf(tables);
        this.boundary = "chspring-" + UUID.randomUUID();
    }

    @Override
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    @Override
    public void writeTo(BodySink sink) throws IOException {
        OutputStream out = sink.plain();
        for (ExternalTable table : tables) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + table.name() + "\"; filename=\""
                    + table.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            table.writeTo(out);
            out.write(CRLF);
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
