package io.chspring.client.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import org.junit.jupiter.api.Test;

class LoadBalancingTests {

    @Test
    void namesAndAliases() {
        assertThat(LoadBalancing.fromName("round_robin")).isEqualTo(LoadBalancing.ROUND_ROBIN);
        assertThat(LoadBalancing.fromName("Round-Robin")).isEqualTo(LoadBalancing.ROUND_ROBIN);
        assertThat(LoadBalancing.fromName("first_healthy")).isEqualTo(LoadBalancing.IN_ORDER);
        assertThat(LoadBalancing.fromName("in_order")).isEqualTo(LoadBalancing.IN_ORDER);
        assertThat(LoadBalancing.fromName("random")).isEqualTo(LoadBalancing.RANDOM);
        assertThat(LoadBalancing.fromName("least_requests")).isEqualTo(LoadBalancing.LEAST_IN_FLIGHT);
        assertThat(LoadBalancing.fromName(" least_in_flight ")).isEqualTo(LoadBalancing.LEAST_IN_FLIGHT);
    }

    @Test
    void anUnknownPolicyIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> LoadBalancing.fromName("nearest_hostname"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessage("Unknown load_balancing 'nearest_hostname': expected in_order, round_robin, random, "
                        + "least_in_flight");
    }
}
