package io.chspring.client.transport;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes quarantined endpoints in the background until they answer: one daemon thread per client with several
 * endpoints, waking every {@code tick} to probe those whose backoff is over. Requests never wait for a probe.
 */
final class HealthProbe implements AutoCloseable {

    /** Sends one cheap request to an endpoint; throws when it did not answer. */
    @FunctionalInterface
    interface Prober {
        void probe(EndpointHealth endpoint) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);

    private final List<EndpointHealth> endpoints;
    private final Prober prober;
    private final ScheduledExecutorService scheduler;

    HealthProbe(List<EndpointHealth> endpoints, Prober prober, long tickMillis) {
        this.endpoints = List.copyOf(endpoints);
        this.prober = prober;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chspring-endpoint-probe");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::probeDue, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** Probes every quarantined endpoint whose backoff is over. */
    void probeDue() {
        probe(false);
    }

    /** Probes every quarantined endpoint, due or not (tests that do not want to wait). */
    void probeAllQuarantined() {
        probe(true);
    }

    private void probe(boolean evenIfNotDue) {
        for (EndpointHealth e : endpoints) {
            long due = e.nextProbeNanos();
            if (due == 0 || (!evenIfNotDue && System.nanoTime() - due < 0)) {
                continue;
            }
            try {
                prober.probe(e);
                e.succeeded();
                LOG.info("ClickHouse endpoint {} answers again; it takes requests", e.address());
            } catch (Exception failure) {
                e.failed(failure.getMessage() == null ? failure.toString() : failure.getMessage(), System.nanoTime());
                LOG.debug("ClickHouse endpoint {} still does not answer: {}", e.address(), failure.toString());
            } catch (Error fatal) {
                LOG.error("probing ClickHouse endpoint {} failed", e.address(), fatal);
                throw fatal;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
