package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.MultiHostUrl.HostPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultiHostUrlTests {

    @Test
    void splitsTheHostListAndKeepsTheRestForTheSingleHostParser() {
        MultiHostUrl.Split s = MultiHostUrl.split("http://alice:s%40cret@h1:8123,h2:8124, h3 /db?load_balancing=round_robin");
        assertThat(s.singleHostUrl()).isEqualTo("http://alice:s%40cret@h1:8123/db?load_balancing=round_robin");
        assertThat(s.hosts()).containsExactly(new HostPort("h1", 8123), new HostPort("h2", 8124), new HostPort("h3", -1));
    }

    @Test
    void httpsIPv6AndARepeatedSchemePerItem() {
        MultiHostUrl.Split s = MultiHostUrl.split("https://[::1]:8443,https://10.0.0.2,node-3.example.com:9443");
        assertThat(s.singleHostUrl()).isEqualTo("https://[::1]:8443");
        assertThat(s.hosts()).containsExactly(new HostPort("[::1]", 8443), new HostPort("10.0.0.2", -1),
                new HostPort("node-3.example.com", 9443));
    }

    @Test
    void tellsSingleFromSeveralHosts() {
        assertThat(MultiHostUrl.isMultiHost("http://h1:8123/db?x=1,2")).isFalse();
        assertThat(MultiHostUrl.isMultiHost("http://u:p@h1")).isFalse();
        assertThat(MultiHostUrl.isMultiHost("http://h1,h2")).isTrue();
        assertThat(MultiHostUrl.isMultiHost("chdb::memory:")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://h1:8123,h_2:8123/db | Endpoint 2 of the ClickHouse URL ('h_2:8123') is malformed",
        "http://h1:8123,h2:port/db | Endpoint 2 of the ClickHouse URL ('h2:port') is malformed",
        "http://h1:8123,h2:/db | Endpoint 2 of the ClickHouse URL ('h2:') is malformed",
        "http://h1:8123,,h3/db | Endpoint 2 of the ClickHouse URL is empty",
        "http://h1:8123,/db | Endpoint 2 of the ClickHouse URL is empty",
        "http://h1:8123,https://h2:8443/db | Endpoint 2 of the ClickHouse URL ('https://h2:8443') is https://, the URL is http://"})
    void malformedItemsAndMixedSchemesAreNamed(String url, String message) {
        assertThatThrownBy(() -> MultiHostUrl.split(url)).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void thePasswordIsNeverInAMessage() {
        assertThatThrownBy(() -> MultiHostUrl.split("http://bob:topsecret@h1,h%zz"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageNotContaining("topsecret");
    }
}
