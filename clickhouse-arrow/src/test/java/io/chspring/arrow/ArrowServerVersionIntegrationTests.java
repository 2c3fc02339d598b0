package io.chspring.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.RequestEvent;
import io.chspring.client.ServerVersion;
import io.chspring.client.query.QueryResponse;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Arrow on the harness's HTTP server, which on these machines is ClickHouse 18.16: that server has no Arrow
 * format (the server itself answers code 73, "Unknown format ArrowStream"), and the module refuses queries and
 * inserts before sending them, naming the format and the server's version. Against a server of 20.5 or newer
 * ({@code CLICKHOUSE_URL}) the same tests check that reads and inserts work instead.
 */
@ClickHouseEngines(EngineKind.HTTP)
class ArrowServerVersionIntegrationTests {

    @Parameter
    EngineTarget engine;

    private boolean hasArrow(ClickHouseClient client) {
        ServerVersion version = client.serverVersion();
        return version.isAtLeast(20, 5);
    }

    @Test
    void theServerItselfKnowsNoArrowStreamBefore20Point5() {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(engine.url())) {
            if (hasArrow(client)) {
                try (QueryResponse response = client.query("SELECT 1 AS x").fetchBytes("ArrowStream")) {
                    assertThat(response.readAllBytes()).isNotEmpty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                assertThatThrownBy(() -> {
                    try (QueryResponse response = client.query("SELECT 1 AS x").fetchBytes("ArrowStream")) {
                        response.readAllBytes();
                    }
                }).isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(73);
                    assertThat(e.getMessage()).contains("ArrowStream");
                });
            }
        }
    }

    @Test
    void queriesAreRefusedBeforeSendingWithTheFormatAndTheVersion() throws Exception {
        List<RequestEvent> events = new CopyOnWriteArrayList<>();
        try (ClickHouseClient client = ClickHouseClient.builder().url(engine.url()).requestListener(events::add)
                .build();
             BufferAllocator allocator = new RootAllocator()) {
            ClickHouseArrow arrow = ClickHouseArrow.of(client);
            if (hasArrow(client)) {
                try (ArrowQueryReader reader = arrow.query("SELECT toInt64(42) AS x").fetch(allocator)) {
                    assertThat(reader.loadNextBatch()).isTrue();
                    assertThat(((BigIntVector) reader.getVectorSchemaRoot().getVector("x")).get(0)).isEqualTo(42L);
                }
            } else {
                String version = client.serverVersion().toString();
                int sent = events.size();
                assertThatThrownBy(() -> arrow.query("SELECT 1").queryId("arrow-refused-1").fetch(allocator))
                        .isInstanceOf(ClickHouseConfigurationException.class)
                        .hasMessageContaining("A query in FORMAT ArrowStream needs ClickHouse 20.5 or newer")
                        .hasMessageContaining("the server runs " + version);
                assertThat(version).startsWith("18.16");
                assertThat(events).as("requests sent after the version was known").hasSize(sent);
            }
        }
    }

    @Test
    void insertsAreRefusedBeforeSending() {
        engine.query("CREATE TABLE IF NOT EXISTS arrow_refused (x Int64) ENGINE = Memory");
        try (ClickHouseClient client = ClickHouseClient.fromUrl(engine.url());
             BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.of(new BigIntVector("x", allocator))) {
            BigIntVector x = (BigIntVector) root.getVector("x");
            root.allocateNew();
            x.set(0, 5);
            root.setRowCount(1);
            ClickHouseArrow arrow = ClickHouseArrow.of(client);
            if (hasArrow(client)) {
                arrow.insert("arrow_refused").send(root);
                assertThat(engine.query("SELECT sum(x) FROM arrow_refused").strip()).isEqualTo("5");
            } else {
                assertThatThrownBy(() -> arrow.insert("arrow_refused").send(root))
                        .isInstanceOf(ClickHouseConfigurationException.class)
                        .hasMessageContaining("An insert in FORMAT ArrowStream needs ClickHouse 20.5 or newer")
                        .hasMessageContaining(client.serverVersion().toString());
                assertThat(engine.query("SELECT count() FROM arrow_refused").strip()).isEqualTo("0");
            }
        } finally {
            engine.query("DROP TABLE IF EXISTS arrow_refused");
        }
    }
}
