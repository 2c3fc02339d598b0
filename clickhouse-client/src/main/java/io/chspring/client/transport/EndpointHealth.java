package io.chspring.client.transport;

import io.chspring.client.cluster.EndpointStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What the client knows about one endpoint: requests in flight, failures, and whether it is quarantined. A failure
 * quarantines the endpoint for a backoff that doubles with each consecutive failure (capped); only a successful
 * answer, to a request or to a background probe, ends it.
 */
final class EndpointHealth {

    private final URI uri;
    private final String address;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();
    private int consecutiveFailures;
    private volatile boolean quarantined;
    private long nextProbeNanos;
    private @Nullable String lastError;
    private @Nullable Instant lastFailure;

    EndpointHealth(URI uri, Duration firstBackoff, Duration maxBackoff) {
        this.uri = uri;
        this.address = uri.getScheme() + "://" + uri.getRawAuthority();
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    URI uri() {
        return uri;
    }

    /** {@code scheme://host:port}, for messages and metrics. */
    String address() {
        return address;
    }

    boolean isHealthy() {
        return !quarantined;
    }

    /** When a quarantined endpoint is due for its next probe ({@link System#nanoTime()}); 0 when it is healthy. */
    synchronized long nextProbeNanos() {
        return quarantined ? nextProbeNanos : 0;
    }

    int inFlight() {
        return inFlight.get();
    }

    void requestStarted() {
        inFlight.incrementAndGet();
    }

    void requestEnded() {
        inFlight.decrementAndGet();
    }

    /** An answer came back: the endpoint is healthy again. Cheap when it already was (the common case). */
    void succeeded() {
        // consecutiveFailures is non-zero only while quarantined: nothing to reset for a healthy endpoint.
        if (quarantined) {
            synchronized (this) {
                consecutiveFailures = 0;
                quarantined = false;
            }
        }
    }


    /**
     * A request or probe failed because of the endpoint: quarantine it, probe again after the backoff.
     *
     * @return whether this failure put a healthy endpoint into quarantine (for logging once, not per request)
     */
    synchronized boolean failed(String error, long nowNanos) {
        failures.incrementAndGet();
        lastError = error;
        lastFailure = Instant.now();
        boolean wasHealthy = !quarantined;
        quarantined = true;
        consecutiveFailures = Math.min(consecutiveFailures + 1, 30);
        long backoff = firstBackoff.toNanos() << Math.min(consecutiveFailures - 1, 20);
        nextProbeNanos = nowNanos + Math.min(backoff <= 0 ? Long.MAX_VALUE : backoff, maxBackoff.toNanos());
        return wasHealthy;
    }

    synchronized EndpointStatus status() {
        return new EndpointStatus(address, !quarantined, inFlight.get(), failures.get(), Optional.ofNullable(lastError),
                Optional.ofNullable(lastFailure));
    }

    @Override
    public String toString() {
        return address;
    }
}
