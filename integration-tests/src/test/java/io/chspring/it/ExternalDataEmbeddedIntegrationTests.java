package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.query.ExternalTable;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The embedded engine (chDB 26.5) takes queries through its C API, which has no external tables: a query with one
 * fails before anything runs, naming the tables and saying what to do instead.
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class ExternalDataEmbeddedIntegrationTests {

    @Parameter
    EngineTarget engine;

    @Test
    void externalDataIsRefusedClearly() {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(engine.url())) {
            assertThatThrownBy(() -> client.query("SELECT count() FROM numbers(10) WHERE number IN ext")
                    .externalTable(ExternalTable.of("ext", "id UInt64").rows(List.of(List.of(1L))))
                    .fetchOne(Long.class))
                    .isInstanceOf(ClickHouseConfigurationException.class)
                    .hasMessageContaining("external tables [ext] need ClickHouse's HTTP interface")
                    .hasMessageContaining("embedded engine");
        }
    }
}
