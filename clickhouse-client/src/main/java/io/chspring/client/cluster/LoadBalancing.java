package io.chspring.client.cluster;

import io.chspring.client.ClickHouseConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a client with several endpoints picks one for each request (never per pooled connection). Quarantined
 * endpoints are skipped by every policy; when all are quarantined, the one whose quarantine ends first is tried.
 */
public enum LoadBalancing {

    /** The first healthy endpoint in the order given: a primary with standbys. */
    IN_ORDER("in_order"),

    /** Each request the next healthy endpoint, in turn. */
    ROUND_ROBIN("round_robin"),

    /** A random healthy endpoint per request. */
    RANDOM("random"),

    /** The healthy endpoint with the fewest requests in flight from this client (ties in turn). */
    LEAST_IN_FLIGHT("least_in_flight");

    private final String urlName;

    LoadBalancing(String urlName) {
        this.urlName = urlName;
    }

    /** The name in URLs and properties ({@code load_balancing=round_robin}). */
    public String urlName() {
        return urlName;
    }

    /**
     * The policy named {@code name}: {@code in_order} (or {@code first_healthy}), {@code round_robin},
     * {@code random}, {@code least_in_flight} (or {@code least_requests}); case and {@code -}/{@code _} do not
     * matter.
     *
     * @throws ClickHouseConfigurationException naming the value and the known policies
     */
    public static LoadBalancing fromName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "in_order", "first_healthy" -> IN_ORDER;
            case "round_robin" -> ROUND_ROBIN;
            case "random" -> RANDOM;
            case "least_in_flight", "least_requests" -> LEAST_IN_FLIGHT;
            default -> throw new ClickHouseConfigurationException("Unknown load_balancing '" + name + "': expected "
                    + Arrays.stream(values()).map(LoadBalancing::urlName).collect(Collectors.joining(", ")));
        };
    }
}
