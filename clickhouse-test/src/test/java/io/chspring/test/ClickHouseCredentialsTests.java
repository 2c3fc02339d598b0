package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClickHouseCredentialsTests {

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(new ClickHouseCredentials("alice", "secret").toString()).contains("alice").doesNotContain("secret");
        assertThat(new ClickHouseCredentials("default", "").toString()).contains("<none>");
    }

    @Test
    void parsesUserColonPasswordWithColonsInThePassword() {
        assertThat(ClickHouseCredentials.parse("ro:a:b")).isEqualTo(new ClickHouseCredentials("ro", "a:b"));
        assertThat(ClickHouseCredentials.parse("bob")).isEqualTo(new ClickHouseCredentials("bob", ""));
        assertThatThrownBy(() -> ClickHouseCredentials.parse(":x")).isInstanceOf(IllegalArgumentException.class);
    }
}
