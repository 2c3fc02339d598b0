package io.chspring.data.observation;

import io.chspring.client.observation.RequestEnd;
import io.chspring.client.observation.RequestStart;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one client request knows: its {@link RequestStart start} and, once over, its
 * {@link RequestEnd end}. A {@link SenderContext} whose carrier is a map of header names to values: a tracing handler
 * (Micrometer Tracing's {@code PropagatingSenderTracingObservationHandler}) starts a client span for it and writes the
 * trace context into the map, which the client then sends to the server.
 */
public class ClickHouseRequestObservationContext extends SenderContext<Map<String, String>> {

    private final RequestStart request;
    private volatile @Nullable RequestEnd end;

    /** The context of one request. */
    public ClickHouseRequestObservationContext(RequestStart request) {
        super((carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        }, Kind.CLIENT);
        this.request = request;
        setCarrier(new HashMap<>());
        setRemoteServiceName("clickhouse");
        if (!request.serverAddress().isEmpty()) {
            // a URI: the tracing handler reads the span's remote host and port from it
            setRemoteServiceAddress("clickhouse://" + request.serverAddress() + ":" + request.serverPort());
        }
    }

    /** The request as it was about to be sent. */
    public RequestStart getRequest() {
        return request;
    }

    /** How it ended, or {@code null} while it runs. */
    public @Nullable RequestEnd getEnd() {
        return end;
    }

    void setEnd(RequestEnd end) {
        this.end = end;
    }
}
