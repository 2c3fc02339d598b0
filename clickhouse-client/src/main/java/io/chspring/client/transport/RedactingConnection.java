package io.chspring.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentLengthStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.http.message.StatusLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection that never writes HttpClient's header log ({@code org.apache.hc.client5.http.headers}) or
 * wire log ({@code org.apache.hc.client5.http.wire}): both print the {@code X-ClickHouse-Key} and
 * {@code Authorization} headers in clear, and DEBUG on {@code org.apache.hc.client5} is the first thing users switch
 * on when a connection misbehaves. Headers are logged here instead, on {@value #HEADER_LOGGER} at DEBUG, with the
 * value of every header marked sensitive (credentials, custom headers) replaced. Being the pool's connection, it also
 * sets how bodies are read: 64 KiB session buffers, and chunked bodies through {@link ChunkedBody}.
 */
final class RedactingConnection extends DefaultManagedHttpClientConnection {

    /** The logger of request and response headers. */
    static final String HEADER_LOGGER = "io.chspring.client.transport.headers";
    static final String REDACTED = "[redacted]";

    private static final Logger HEADERS = LoggerFactory.getLogger(HEADER_LOGGER);
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Creates the pool's connections, with HttpClient's default HTTP/1.1 settings. */
    static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
        RedactingConnection connection = new RedactingConnection("chspring-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    };

    /**
     * HttpClient's HTTP/1.1 defaults with a 64 KiB session buffer instead of 8 KiB. ClickHouse 18.16 sends a
     * body in 4 KiB chunks; with 8 KiB, nearly every chunk cost its own socket read (42,000 reads for a 250 MB result,
     * against curl's 2,600), and a cold JVM pays for each read's path through the interpreter (issue 17, cold read).
     */
    private static final Http1Config HTTP1 = Http1Config.custom().setBufferSize(64 * 1024).build();

    private RedactingConnection(String id) {
        super(id, null, null, HTTP1, null, null, DefaultHttpRequestWriterFactory.INSTANCE,
                DefaultHttpResponseParserFactory.INSTANCE);
    }

    /** Chunked bodies are read by {@link ChunkedBody}; the others as HttpCore reads them. */
    @Override
    protected InputStream createContentInputStream(long length, SessionInputBuffer buffer, InputStream in) {
        return length == ContentLengthStrategy.CHUNKED ? new ChunkedBody(buffer, in, HTTP1)
                : super.createContentInputStream(length, buffer, in);
    }

    // The superclass wraps the socket in a wire-logging holder when the wire log is on; these never do.
    @Override
    public void bind(Socket socket) throws IOException {
        bind(new SocketHolder(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        bind(new SocketHolder(sslSocket, socket));
    }

    @Override
    protected void onRequestSubmitted(ClassicHttpRequest request) {
        if (request != null && HEADERS.isDebugEnabled()) {
            HEADERS.debug("{} >> {}", getId(), new RequestLine(request));
            logHeaders(">>", request);
        }
    }

    @Override
    protected void onResponseReceived(ClassicHttpResponse response) {
        if (response != null && HEADERS.isDebugEnabled()) {
            HEADERS.debug("{} << {}", getId(), new StatusLine(response));
            logHeaders("<<", response);
        }
    }

    private void logHeaders(String direction, HttpMessage message) {
        for (Header header : message.getHeaders()) {
            HEADERS.debug("{} {} {}: {}", getId(), direction, header.getName(),
                    header.isSensitive() ? REDACTED : header.getValue());
        }
    }
}
