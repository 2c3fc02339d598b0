package io.chspring.boot.autoconfigure.health;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.cluster.EndpointStatus;
import io.chspring.client.transport.Endpoint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports a ClickHouse server up when it answers {@code SELECT version()} (one round trip that proves the
 * connection, the credentials and query execution), with the version as a detail; down with the error otherwise.
 *
 * <p>A client with several endpoints is checked endpoint by endpoint: the indicator is up while one endpoint is, and
 * its {@code endpoints} detail has, per {@code scheme://host:port}, that endpoint's status, version or error, and what
 * the client knows of it (healthy or quarantined, requests in flight, failures, last error).
 */
public class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    /** The longest a check of one endpoint may take, so that a hung node does not hang the health endpoint. */
    private static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(10);

    private final ClickHouseClient client;

    /** An indicator checking the server behind {@code client}. */
    public ClickHouseHealthIndicator(ClickHouseClient client) {
        super("ClickHouse health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Endpoint> endpoints = client.config().endpoints();
        if (endpoints.size() == 1) {
            // Runs with the client's database and settings on purpose: a dropped database or a setting the server
            // rejects breaks every query of the application, so it should show as DOWN.
            builder.up().withDetail("version", version(client));
            return;
        }
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        int up = 0;
        for (Endpoint endpoint : endpoints) {
            Map<String, Object> node = new LinkedHashMap<>();
            try {
                node.put("status", "UP");
                node.put("version", version(client.forEndpoints(List.of(endpoint))));
                up++;
            } catch (RuntimeException e) {
                node.put("status", "DOWN");
                node.put("error", e.getClass().getName() + ": " + e.getMessage());
            }
            details.put(endpoint.authority(), node);
        }
        // Read after the checks, which count as requests: a check that failed has quarantined its endpoint.
        for (EndpointStatus status : client.endpointStatuses()) {
            Map<String, Object> node = details.get(status.address());
            if (node != null) {
                node.put("healthy", status.healthy());
                node.put("inFlight", status.inFlight());
                node.put("failures", status.failures());
                status.lastError().ifPresent(e -> node.put("lastError", e));
            }
        }
        (up > 0 ? builder.up() : builder.down()).withDetail("endpoints", details)
                .withDetail("endpointsUp", up + "/" + endpoints.size());
    }

    private static String version(ClickHouseClient client) {
        return client.query("SELECT version()").timeout(ENDPOINT_TIMEOUT).fetchString("TabSeparated").strip();
    }
}
