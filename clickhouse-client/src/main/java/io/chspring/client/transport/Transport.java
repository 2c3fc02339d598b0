package io.chspring.client.transport;

/**
 * Carries one request to a ClickHouse engine and hands back its answer. The HTTP implementation is
 * {@link HttpTransport}; an in-process engine can implement the same interface.
 *
 * <p>Implementations are thread-safe. Errors are thrown as {@link io.chspring.client.ClickHouseException}
 * subclasses: a server error as {@code ClickHouseServerException} (also when the server appended it to a
 * 200 response after streaming rows), network trouble as {@code ClickHouseTransportException}, timeouts as
 * {@code ClickHouseTimeoutException}, broken compressed frames as {@code ClickHouseCompressionException}.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends the request. The returned response must be closed; closing it releases the connection.
     * For a request with a body, the body writer runs on the calling thread while the request is sent.
     */
    TransportResponse execute(TransportRequest request);

    /**
     * Whether this transport can send request bodies LZ4-framed ({@link TransportRequest#compressRequest()}); the
     * client asks for framed bodies only then. An in-process engine that takes plain bytes says no.
     */
    default boolean framesRequestBodies() {
        return false;
    }

    /**
     * Whether this transport can send external data (tables in a {@code multipart/form-data} body, ClickHouse's HTTP
     * "external data for query processing"); an in-process engine has no such interface.
     */
    default boolean supportsExternalData() {
        return false;
    }

    /** Releases pooled connections and threads. Responses still open fail afterwards. */
    @Override
    void close();
}
