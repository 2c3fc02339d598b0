package io.chspring.boot.autoconfigure.metrics;

import io.chspring.client.RequestEvent;
import io.chspring.client.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Records every request of the auto-configured client: the timer {@code clickhouse.client.requests} (tags
 * {@code operation} = query/insert/command, {@code outcome} = success/error, {@code exception}, {@code endpoint} =
 * the {@code scheme://host:port} that served it, {@code none} when the transport does not say) and the counters
 * {@code clickhouse.client.bytes.sent} / {@code clickhouse.client.bytes.received} (tag {@code operation}; body bytes
 * before compression).
 */
public final class ClickHouseRequestMetrics implements RequestListener {

    /** The timer's name. */
    public static final String REQUESTS = "clickhouse.client.requests";
    /** The counter of request body bytes. */
    public static final String BYTES_SENT = "clickhouse.client.bytes.sent";
    /** The counter of response body bytes. */
    public static final String BYTES_RECEIVED = "clickhouse.client.bytes.received";

    private final MeterRegistry registry;
    private final Map<RequestEvent.Operation, Counter> sent = new EnumMap<>(RequestEvent.Operation.class);
    private final Map<RequestEvent.Operation, Counter> received = new EnumMap<>(RequestEvent.Operation.class);

    /** Metrics recorded in {@code registry}. */
    public ClickHouseRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RequestEvent.Operation operation : RequestEvent.Operation.values()) {
            sent.put(operation, Counter.builder(BYTES_SENT).baseUnit("bytes").tag("operation", operation.tag())
                    .description("Request body bytes sent to ClickHouse, before compression").register(registry));
            received.put(operation, Counter.builder(BYTES_RECEIVED).baseUnit("bytes").tag("operation", operation.tag())
                    .description("Response body bytes read from ClickHouse, after decompression").register(registry));
        }
    }

    @Override
    public void onRequest(RequestEvent event) {
        Timer.builder(REQUESTS)
                .description("ClickHouse requests, from sending to closing the response")
                .tag("operation", event.operation().tag())
                .tag("outcome", event.success() ? "success" : "error")
                .tag("exception", event.success() ? "none" : event.error().getClass().getSimpleName())
                .tag("endpoint", event.endpoint() == null || event.endpoint().isEmpty() ? "none" : event.endpoint())
                .register(registry)
                .record(event.duration());
        sent.get(event.operation()).increment(event.bytesSent());
        received.get(event.operation()).increment(event.bytesReceived());
    }
}
