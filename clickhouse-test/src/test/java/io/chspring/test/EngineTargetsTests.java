package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Engine selection for {@link ClickHouseEngines}; this module has no clickhouse-embedded on its class path. */
class EngineTargetsTests {

    @Test
    void theEnginesVariableNarrowsByLabel() {
        assertThat(EngineTargets.wanted(null)).isEmpty();
        assertThat(EngineTargets.wanted(" ")).isEmpty();
        assertThat(EngineTargets.wanted("HTTP, chdb,")).containsExactlyInAnyOrder("http", "chdb");
    }

    @Test
    void withoutTheEmbeddedModuleTheEmbeddedInvocationIsSkippedOrFailsOnCiWithTheFix() {
        EmbeddedEngine skipping = EmbeddedEngine.start(false);
        assertThatThrownBy(skipping::available).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("clickhouse-embedded")
                .hasMessageContaining("clickhouse-embedded/fetch-libchdb.sh")
                .hasMessageContaining("LD_PRELOAD=$JAVA_HOME/lib/libjsig.so");
        EmbeddedEngine failing = EmbeddedEngine.start(true);
        assertThatThrownBy(failing::available).isInstanceOf(ClickHouseException.class)
                .hasMessageContaining("CI=true").hasMessageContaining("fetch-libchdb.sh");
    }
}
