package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Engine choice without an engine: what is tried, and skip versus fail. */
class EngineSelectorTests {

    private static final List<Path> NOWHERE = List.of(Path.of("/nonexistent/clickhouse-server"));

    @Test
    void withoutAnyEngineItSaysWhatItTriedAndHowToInstallOne() {
        EngineSelector.Selection selection = new EngineSelector(Map.of("PATH", ""), NOWHERE, false).select();

        assertThat(selection.server()).isNull();
        assertThat(selection.unavailable())
                .contains("$CLICKHOUSE_URL: not set")
                .contains("Testcontainers: disabled")
                .contains("/nonexistent/clickhouse-server")
                .contains("apt-get install -y clickhouse-server")
                .contains("CLICKHOUSE_URL");
    }

    @Test
    void aMissingEngineSkipsLocallyAndFailsOnCi() {
        EngineSelector nothing = new EngineSelector(Map.of("PATH", ""), NOWHERE, false);

        assertThatThrownBy(() -> ClickHouseExtension.Engine.select(nothing, false).server())
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install -y clickhouse-server");
        assertThatThrownBy(() -> ClickHouseExtension.Engine.select(nothing, true).server())
                .isInstanceOf(ClickHouseException.class)
                .hasMessageContaining("apt-get install -y clickhouse-server")
                .hasMessageContaining("CI=true");
    }

    @Test
    void anExplicitBinaryThatDoesNotExistIsAnErrorNotASkip() {
        EngineSelector selector = new EngineSelector(Map.of("CLICKHOUSE_BINARY", "/nonexistent/clickhouse"), NOWHERE, false);

        assertThatThrownBy(selector::select)
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("CLICKHOUSE_BINARY");
        assertThatThrownBy(() -> ClickHouseExtension.Engine.select(selector, false).server())
                .isInstanceOf(ClickHouseException.class)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("CLICKHOUSE_BINARY");
    }

    @Test
    void aBadUrlIsRejectedWithoutEchoingItsPassword() {
        for (String url : List.of("ftp://u:topsecret@host/", "http://u:topsecret@[bad/", "u:topsecret@host")) {
            assertThatThrownBy(() -> new EngineSelector(Map.of("CLICKHOUSE_URL", url), NOWHERE, false).select())
                    .isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("CLICKHOUSE_URL")
                    .hasMessageNotContaining("topsecret");
        }
    }

    @Test
    void userInfoIsPercentDecodedWithPlusKept() {
        assertThat(EngineSelector.decode("p%40ss%3Aw+rd%C3%A9")).isEqualTo("p@ss:w+rdé");
        assertThat(TestDatabase.encode("p@ss:w+rdé")).isEqualTo("p%40ss%3Aw%2Brd%C3%A9");
        assertThat(EngineSelector.decode(TestDatabase.encode("a b/c?d#e%f"))).isEqualTo("a b/c?d#e%f");
    }
}
