package io.chspring.client.transport;

/**
 * TEMP STUB so the client branch compiles; the transport branch owns the real class. Drop this commit at merge.
 */
public final class HttpTransport implements Transport {

    private final HttpTransportOptions options;

    private HttpTransport(HttpTransportOptions options) {
        this.options = options;
    }

    /** Creates a transport with its own connection pool. */
    public static HttpTransport create(HttpTransportOptions options) {
        return new HttpTransport(options);
    }

    @Override
    public TransportResponse execute(TransportRequest request) {
        throw new UnsupportedOperationException("TEMP stub: no HTTP transport yet for " + options.endpoint());
    }

    @Override
    public void close() {
    }
}
