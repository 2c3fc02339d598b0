package io.chspring.client.transport;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseCompressionException;
import io.chspring.client.compression.ClickHouseLz4InputStream;
import io.chspring.client.compression.ZstdStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.concurrent.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 2xx answer whose body is read as a stack of small streams: raw HTTP body, [error tail check, zstd decoding],
 * [error tail check, LZ4 deframing], error tail check, {@link ResponseBody}. The tail check sits on both sides of each
 * decoder because an appended error can arrive inside the compressed data (18.16 writes it through the compressing
 * buffer) or as plain text after it. The zstd layer is there only when the response says
 * {@code Content-Encoding: zstd}: the header decides, never the request nor the bytes.
 */
final class HttpTransportResponse implements TransportResponse {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransportResponse.class);
    /** Error bodies are read up to this size; the rest is dropped with the connection. */
    static final int MAX_ERROR_BODY = 64 * 1024;
    /** On close, an unread remainder up to this size is read to keep the connection; a larger one drops it. */
    static final int DRAIN_LIMIT = 64 * 1024;

    /**
     * Releases the connections of responses dropped without {@code close()}: a pooled connection leased by a
     * forgotten cursor would otherwise stay leased for good, and a pool of a few connections would soon be dead.
     */
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "chspring-response-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final ClassicHttpResponse response;
    private final Cancellable exchange;
    private final Unclosed unclosed;
    private final Cleaner.Cleanable cleanable;
    private final String queryId;
    private final InputStream raw;
    private final ResponseBody body;
    private boolean closed;

    private HttpTransportResponse(ClassicHttpResponse response, Cancellable exchange, TransportRequest request,
            boolean zstd, long timeoutMillis) throws IOException {
        this.response = response;
        this.exchange = exchange;
        this.queryId = headerValue(response, ClickHouseHttp.HEADER_QUERY_ID).orElse(request.queryId());
        HttpEntity entity = response.getEntity();
        this.raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
        // Counted below the error-tail windows, which hold back up to 64 KiB: an error names what arrived.
        Arrived arrived = new Arrived(raw);
        String tag = headerValue(response, ClickHouseHttp.HEADER_EXCEPTION_TAG).orElse(null);
        Function<ServerErrorText, ClickHouseException> toException = e -> HttpErrors.fromTrailing(e, queryId);
        InputStream stack = arrived;
        if (zstd) {
            stack = new ErrorTailInputStream(stack, tag, toException, ErrorTailInputStream.DEFAULT_WINDOW);
            stack = ZstdStream.decode(stack);
        }
        if (request.compressResponse()) {
            stack = new ErrorTailInputStream(stack, tag, toException, ErrorTailInputStream.DEFAULT_WINDOW);
            stack = new ClickHouseLz4InputStream(stack);
        }
        stack = new ErrorTailInputStream(stack, tag, toException, ErrorTailInputStream.DEFAULT_WINDOW);
        this.body = new ResponseBody(stack, this, timeoutMillis, arrived::count);
        this.unclosed = new Unclosed(exchange, queryId);
        this.cleanable = CLEANER.register(this, unclosed);
    }

    /**
     * Opens a successful response, or reads the error out of a failed one (non-2xx, or 2xx with
     * {@code X-ClickHouse-Exception-Code}) and throws it after releasing the connection.
     */
    static HttpTransportResponse open(ClassicHttpResponse response, Cancellable exchange, TransportRequest request,
            long timeoutMillis) throws IOException {
        int status = response.getCode();
        Optional<String> exceptionCode = headerValue(response, ClickHouseHttp.HEADER_EXCEPTION_CODE);
        String queryId = headerValue(response, ClickHouseHttp.HEADER_QUERY_ID).orElse(request.queryId());
        boolean zstd;
        try {
            zstd = zstdEncoded(response, queryId);
        } catch (ClickHouseCompressionException e) {
            exchange.cancel();
            throw e;
        }
        if (status / 100 == 2 && exceptionCode.isEmpty()) {
            try {
                return new HttpTransportResponse(response, exchange, request, zstd, timeoutMillis);
            } catch (IOException | RuntimeException e) {
                exchange.cancel(); // the body could not be opened (no zstd-jni, a broken zstd header)
                throw e;
            }
        }
        byte[] errorBody = readErrorBody(response, exchange);
        if (zstd) {
            errorBody = zstdDecoded(errorBody, queryId);
        }
        String text = errorText(errorBody, request.compressResponse(), queryId);
        throw HttpErrors.fromResponse(status, text, exceptionCode.orElse(null), queryId, request.sessionId());
    }

    /**
     * Whether the body is a zstd stream, as {@code Content-Encoding} says. Any other coding is refused: the client asks
     * for none other, and reading coded bytes as data would turn them into garbage rows.
     */
    static boolean zstdEncoded(ClassicHttpResponse response, String queryId) {
        String coding = headerValue(response, ClickHouseHttp.HEADER_CONTENT_ENCODING).map(String::strip)
                .map(v -> v.toLowerCase(Locale.ROOT)).orElse("");
        if (coding.isEmpty() || coding.equals("identity")) {
            return false;
        }
        if (coding.equals("zstd")) {
            return true;
        }
        throw new ClickHouseCompressionException("the response to query " + queryId + " has Content-Encoding '"
                + coding + "', which this client did not ask for and cannot decode (it reads zstd only)");
    }

    private static byte[] zstdDecoded(byte[] body, String queryId) {
        try (InputStream in = ZstdStream.decode(new ByteArrayInputStream(body))) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException | RuntimeException e) {
            LOG.debug("the error body of query {} says zstd but does not decode; reading it as it is", queryId, e);
            return body;
        }
    }

    /**
     * The text of an error body. A server asked for {@code compress=1} may write its error text through the
     * compressing buffer, as LZ4 frames: 18.16.1 does for 400 and 500 answers (checked with curl; see
     * integration-tests MidStreamErrorIntegrationTests). A body that is not framed (a newer server's plain text, a
     * proxy's error page) is taken as it is.
     */
    static String errorText(byte[] body, boolean compressed, String queryId) {
        if (compressed && body.length > 0) {
            try (InputStream in = new ClickHouseLz4InputStream(new ByteArrayInputStream(body))) {
                return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            } catch (IOException | ClickHouseException e) {
                LOG.debug("the error body of query {} is not LZ4-framed; reading it as text", queryId, e);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] readErrorBody(ClassicHttpResponse response, Cancellable exchange) {
        HttpEntity entity = response.getEntity();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean complete = entity == null;
        try {
            if (entity != null) {
                InputStream in = entity.getContent();
                byte[] chunk = new byte[8192];
                int n;
                while (bytes.size() <= MAX_ERROR_BODY && (n = in.read(chunk)) >= 0) {
                    bytes.write(chunk, 0, n);
                }
                complete = bytes.size() <= MAX_ERROR_BODY;
                if (complete) {
                    in.close(); // at the end already: hands the connection back to the pool
                }
            }
        } catch (IOException e) {
            LOG.debug("error body cut short; using the {} bytes read", bytes.size(), e);
        }
        if (complete) {
            closeQuietly(response, "error response", "");
        } else {
            exchange.cancel(); // drop the connection rather than download the rest
        }
        return bytes.toByteArray();
    }

    @Override
    public String queryId() {
        return queryId;
    }

    @Override
    public Optional<String> header(String name) {
        return headerValue(response, name);
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void abort() {
        exchange.cancel();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unclosed.closed = true;
        cleanable.clean();
        boolean reusable;
        try {
            reusable = body.atEnd() || drainRemainder();
            if (reusable) {
                raw.close(); // the body is complete: the connection goes back to the pool
            }
        } catch (IOException e) {
            LOG.debug("releasing the connection of query {} failed; dropping it", queryId, e);
            reusable = false;
        }
        if (reusable) {
            closeQuietly(response, "response of query", queryId);
        } else {
            // Closing the response would read the rest of the body (possibly gigabytes) to keep the
            // connection; cancelling the exchange closes the socket instead, and the server stops the query.
            exchange.cancel();
        }
    }

    private boolean drainRemainder() {
        byte[] scratch = new byte[8192];
        long budget = DRAIN_LIMIT;
        try {
            int n;
            while ((n = raw.read(scratch)) >= 0) {
                budget -= n;
                if (budget < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            LOG.debug("draining the unread body of query {} failed; dropping the connection", queryId, e);
            return false;
        }
    }

    /** Closes {@code response}; a failure is logged, its message built only then (every response passes here). */
    private static void closeQuietly(ClassicHttpResponse response, String what, String queryId) {
        try {
            response.close();
        } catch (IOException e) {
            LOG.debug("closing the {} {} failed", what, queryId, e);
        }
    }

    /** What the cleaner does for a response that became unreachable unclosed; holds no reference to it. */
    private static final class Unclosed implements Runnable {
        private final Cancellable exchange;
        private final String queryId;
        private volatile boolean closed;

        Unclosed(Cancellable exchange, String queryId) {
            this.exchange = exchange;
            this.queryId = queryId;
        }

        @Override
        public void run() {
            if (!closed) {
                LOG.warn("The result of query {} (a RowCursor, Stream or QueryResponse) was garbage-collected without "
                        + "being closed; its connection is dropped now. Close results, with try-with-resources",
                        queryId);
                exchange.cancel();
            }
        }
    }

    /** Counts the body bytes that arrived from the network. */
    private static final class Arrived extends FilterInputStream {
        private long count;

        Arrived(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

    static Optional<String> headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
    }
}
