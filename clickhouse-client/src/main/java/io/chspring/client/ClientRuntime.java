package io.chspring.client;

import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a root client and all its derived copies share: the transport (and so the connection pool), the closed
 * flag, and the server version, asked once per transport.
 */
final class ClientRuntime {

    /** Longer than any version string; a larger answer is not a version. */
    private static final int MAX_VERSION_BYTES = 256;

    private final Transport transport;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object versionLock = new Object();
    private volatile ServerCapabilities capabilities;
    private final java.util.concurrent.ConcurrentMap<String, java.util.List<io.chspring.client.mapping.TableColumn>>
            schemas = new java.util.concurrent.ConcurrentHashMap<>();

    ClientRuntime(Transport transport) {
        this.transport = transport;
    }

    Transport transport() {
        if (closed.get()) {
            throw new IllegalStateException("The ClickHouseClient is closed");
        }
        return transport;
    }

    /** Table schemas from DESCRIBE, keyed by database and table name, shared by the root client and its copies. */
    java.util.concurrent.ConcurrentMap<String, java.util.List<io.chspring.client.mapping.TableColumn>> schemas() {
        return schemas;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** The server's capabilities; the first call runs {@code SELECT version()}, later calls reuse the answer. */
    ServerCapabilities capabilities() {
        ServerCapabilities known = capabilities;
        if (known != null) {
            return known;
        }
        synchronized (versionLock) {
            if (capabilities == null) {
                capabilities = ServerCapabilities.of(fetchVersion());
            }
            return capabilities;
        }
    }

    private ServerVersion fetchVersion() {
        String queryId = UUID.randomUUID().toString();
        // No client settings and no database: the answer must not depend on them, and a wrong database name
        // should fail the user's query, not this one. default_format is allowed even for readonly users.
        TransportRequest request = new TransportRequest("SELECT version()", Map.of("default_format", "TabSeparated"),
                Map.of(), null, queryId, null, null, null, false, false, true, null);
        String text;
        try (TransportResponse response = transport().execute(request); InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_VERSION_BYTES + 1);
            if (bytes.length > MAX_VERSION_BYTES) {
                throw new ClickHouseTransportException("The answer to SELECT version() is longer than "
                        + MAX_VERSION_BYTES + " bytes; is the endpoint a ClickHouse server?", null, 0, queryId, false);
            }
            text = new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ClickHouseTransportException("Reading the answer to SELECT version() failed", e, 0, queryId, true);
        }
        try {
            return ServerVersion.parse(text);
        } catch (ClickHouseConfigurationException e) {
            throw new ClickHouseTransportException("The server answered SELECT version() with '" + text
                    + "'; is the endpoint a ClickHouse server?", e, 0, queryId, false);
        }
    }

    /** Closes the transport once; later requests from any copy fail with {@link IllegalStateException}. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            transport.close();
        }
    }
}
