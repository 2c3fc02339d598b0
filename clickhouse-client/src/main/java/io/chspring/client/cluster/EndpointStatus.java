package io.chspring.client.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one endpoint as the client sees it, for health checks and dashboards.
 *
 * @param address {@code scheme://host:port} of the endpoint (never credentials)
 * @param healthy whether requests go to it; {@code false} while it is quarantined after a failure, until a
 *     background probe gets an answer
 * @param inFlight requests from this client on it right now
 * @param failures failures counted against it since the client started (connection errors, timeouts, 5xx)
 * @param lastError the last of those failures, when there was one
 * @param lastFailure when it happened, when there was one
 */
public record EndpointStatus(String address, boolean healthy, int inFlight, long failures, Optional<String> lastError,
        Optional<Instant> lastFailure) {
}
