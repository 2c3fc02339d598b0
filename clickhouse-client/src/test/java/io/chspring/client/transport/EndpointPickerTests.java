package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.cluster.LoadBalancing;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointPickerTests {

    private final List<EndpointHealth> four = List.of(endpoint(1), endpoint(2), endpoint(3), endpoint(4));

    private static EndpointHealth endpoint(int n) {
        return new EndpointHealth(URI.create("http://h" + n + ":8123"), Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    private static Map<String, Integer> spread(EndpointPicker picker, int requests) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            counts.merge(picker.pick(Set.of()).address(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void roundRobinTakesEachInTurnAndSkipsAQuarantinedOne() {
        EndpointPicker picker = new EndpointPicker(four, LoadBalancing.ROUND_ROBIN);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            order.add(picker.pick(Set.of()).address());
        }
        assertThat(order).containsExactly("http://h1:8123", "http://h2:8123", "http://h3:8123", "http://h4:8123",
                "http://h1:8123", "http://h2:8123", "http://h3:8123", "http://h4:8123");
        four.get(1).failed("connection refused", System.nanoTime());
        assertThat(spread(picker, 300)).doesNotContainKey("http://h2:8123").containsValues(100, 100, 100)
                .hasSize(3);
    }

    @Test
    void inOrderIsTheFirstHealthyOne() {
        EndpointPicker picker = new EndpointPicker(four, LoadBalancing.IN_ORDER);
        assertThat(spread(picker, 10)).containsExactly(Map.entry("http://h1:8123", 10));
        four.get(0).failed("timeout", System.nanoTime());
        assertThat(spread(picker, 10)).containsExactly(Map.entry("http://h2:8123", 10));
        four.get(0).succeeded();
        assertThat(picker.pick(Set.of()).address()).isEqualTo("http://h1:8123");
    }

    @Test
    void randomReachesEveryHealthyEndpoint() {
        EndpointPicker picker = new EndpointPicker(four, LoadBalancing.RANDOM);
        Map<String, Integer> counts = spread(picker, 4000);
        assertThat(counts).hasSize(4);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(800, 1200));
    }

    @Test
    void leastInFlightAvoidsBusyEndpoints() {
        EndpointPicker picker = new EndpointPicker(four, LoadBalancing.LEAST_IN_FLIGHT);
        four.get(0).requestStarted();
        four.get(0).requestStarted();
        four.get(1).requestStarted();
        four.get(2).requestStarted();
        assertThat(spread(picker, 5)).containsExactly(Map.entry("http://h4:8123", 5));
        four.get(3).requestStarted();
        four.get(3).requestStarted();
        assertThat(spread(picker, 6)).containsOnlyKeys("http://h2:8123", "http://h3:8123");
    }

    @Test
    void aRequestTriesEachEndpointOnceThenGivesUp() {
        EndpointPicker picker = new EndpointPicker(four, LoadBalancing.ROUND_ROBIN);
        Set<EndpointHealth> tried = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            EndpointHealth e = picker.pick(tried);
            assertThat(tried.add(e)).isTrue();
        }
        assertThat(picker.pick(tried)).isNull();
    }

    @Test
    void whenAllAreQuarantinedTheOneDueFirstIsTried() {
        EndpointPicker picker = new EndpointPicker(four, LoadBalancing.ROUND_ROBIN);
        long now = System.nanoTime();
        four.get(0).failed("x", now);
        four.get(0).failed("x", now); // second failure: longer backoff
        four.get(1).failed("x", now + 1_000_000);
        four.get(2).failed("x", now);
        four.get(3).failed("x", now + 2_000_000);
        assertThat(picker.pick(Set.of()).address()).isEqualTo("http://h3:8123");
        assertThat(picker.pick(Set.of(four.get(2))).address()).isEqualTo("http://h2:8123");
    }

    @Test
    void healthCountsFailuresBacksOffAndRecovers() {
        EndpointHealth e = endpoint(9);
        long now = System.nanoTime();
        assertThat(e.failed("Connection refused", now)).isTrue();
        assertThat(e.failed("Connection refused", now)).isFalse();
        assertThat(e.nextProbeNanos() - now).isEqualTo(Duration.ofMillis(200).toNanos());
        for (int i = 0; i < 40; i++) {
            e.failed("Connection refused", now);
        }
        assertThat(e.nextProbeNanos() - now).isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(e.status().healthy()).isFalse();
        assertThat(e.status().failures()).isEqualTo(42);
        assertThat(e.status().lastError()).contains("Connection refused");
        e.succeeded();
        assertThat(e.status().healthy()).isTrue();
        assertThat(e.nextProbeNanos()).isZero();
        assertThat(e.status().failures()).isEqualTo(42);
    }

    @Test
    void theProbeBringsBackWhatAnswersAndKeepsTheRestQuarantined() throws Exception {
        EndpointHealth up = endpoint(1);
        EndpointHealth down = endpoint(2);
        long past = System.nanoTime() - Duration.ofSeconds(10).toNanos();
        up.failed("x", past);
        down.failed("x", past);
        List<String> probed = new ArrayList<>();
        try (HealthProbe probe = new HealthProbe(List.of(up, down), e -> {
            probed.add(e.address());
            if (e == down) {
                throw new java.net.ConnectException("Connection refused");
            }
        }, 3_600_000)) {
            probe.probeDue();
            assertThat(probed).containsExactly("http://h1:8123", "http://h2:8123");
            assertThat(up.isHealthy()).isTrue();
            assertThat(down.isHealthy()).isFalse();
            assertThat(down.status().lastError()).contains("Connection refused");
            probe.probeDue(); // the failed probe set a new backoff: not due yet
            assertThat(probed).hasSize(2);
        }
    }
}
