package io.chspring.client.transport;

import java.io.InputStream;
import java.util.Optional;

/**
 * The answer to a {@link TransportRequest}. The body is already decompressed and checked: an error the
 * server appended after streamed rows surfaces as an exception from {@code read}, never as data.
 * Closing the response (or its body) releases the connection.
 */
public interface TransportResponse extends AutoCloseable {

    /** The query id of the request; the server's own when it reported one. */
    String queryId();

    /** A response header by case-insensitive name, when the engine sent one. */
    Optional<String> header(String name);

    /** The body as a stream; read it once. */
    InputStream body();

    /**
     * Stops the exchange from any thread, at once: a read blocked on the body fails. For deadlines; the owner still
     * closes the response. Engines whose reads never wait on the network need not do anything.
     */
    default void abort() {
    }

    /** Releases the connection; unread body bytes are discarded (the connection is dropped if that is cheaper). */
    @Override
    void close();
}
