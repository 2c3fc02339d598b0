package io.chspring.client.transport;

import io.chspring.client.cluster.LoadBalancing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Picks the endpoint for one request by the {@link LoadBalancing} policy, among those the request has not tried
 * yet. Healthy endpoints first; when every untried one is quarantined, the one due for its probe soonest (a try is
 * better than a certain failure, and a quarantine is a guess).
 */
final class EndpointPicker {

    private final List<EndpointHealth> endpoints;
    private final LoadBalancing policy;
    private final AtomicInteger turn = new AtomicInteger();

    EndpointPicker(List<EndpointHealth> endpoints, LoadBalancing policy) {
        this.endpoints = List.copyOf(endpoints);
        this.policy = policy;
    }

    List<EndpointHealth> endpoints() {
        return endpoints;
    }

    /** The endpoint for the next attempt, or {@code null} when the request has tried them all. */
    @Nullable EndpointHealth pick(Set<EndpointHealth> tried) {
        int n = endpoints.size();
        if (n == 1) {
            return tried.isEmpty() ? endpoints.get(0) : null;
        }
        // The turn counts over the healthy candidates, not over all endpoints: skipping a quarantined endpoint must
        // not hand its share to its neighbour in the list.
        List<EndpointHealth> candidates = new ArrayList<>(n);
        for (EndpointHealth e : endpoints) {
            if (!tried.contains(e) && e.isHealthy()) {
                candidates.add(e);
            }
        }
        if (candidates.isEmpty()) {
            return soonestDue(tried);
        }
        int size = candidates.size();
        return switch (policy) {
            case IN_ORDER -> candidates.get(0);
            case RANDOM -> candidates.get(ThreadLocalRandom.current().nextInt(size));
            case ROUND_ROBIN -> candidates.get(Math.floorMod(turn.getAndIncrement(), size));
            case LEAST_IN_FLIGHT -> {
                int start = Math.floorMod(turn.getAndIncrement(), size);
                EndpointHealth best = null;
                for (int i = 0; i < size; i++) {
                    EndpointHealth e = candidates.get((start + i) % size);
                    if (best == null || e.inFlight() < best.inFlight()) {
                        best = e;
                    }
                }
                yield best;
            }
        };
    }

    private @Nullable EndpointHealth soonestDue(Set<EndpointHealth> tried) {
        EndpointHealth best = null;
        for (EndpointHealth e : endpoints) {
            if (!tried.contains(e) && (best == null || e.nextProbeNanos() - best.nextProbeNanos() < 0)) {
                best = e;
            }
        }
        return best;
    }
}
