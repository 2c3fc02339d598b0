package io.chspring.data.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.data.mapping.Table;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.data.annotation.Id;

/**
 * Per-call query ids through the template, on the HTTP server only: chDB's C API takes no query id, so the client's
 * id never reaches the embedded engine (its invocations would have nothing to check).
 */
@ClickHouseEngines(EngineKind.HTTP)
class ClickHouseTemplateQueryIdIntegrationTests {

    @Table("events")
    record Event(@Id UUID id, Instant ts, long userId, String name, double value) {
    }

    private static ClickHouseClient client;
    private static ClickHouseTemplate template;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        template = new ClickHouseTemplate(client);
        template.execute("CREATE TABLE events (id UUID, ts DateTime, user_id Int64, name String, value Float64) "
                + "ENGINE = MergeTree ORDER BY (user_id, ts)");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static Event event(int i, long user, String name) {
        return new Event(new UUID(0, i), Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), user, name, i * 1.5);
    }

    @Test
    void aQuerySeesItselfInSystemProcessesUnderItsId() {
        String queryId = "chspring-template-" + UUID.randomUUID();
        assertThat(template.sql("SELECT value FROM system.settings WHERE name = 'max_block_size'")
                .setting("max_block_size", 1234).queryId(queryId).query(String.class).single()).isEqualTo("1234");
        // a running query sees itself in system.processes under the id it was sent with
        assertThat(template.sql("SELECT query_id FROM system.processes WHERE query_id = :id").param("id", queryId)
                .queryId(queryId).query(String.class).list()).containsExactly(queryId);
    }

    @Test
    void anInsertRunsUnderItsQueryId() throws InterruptedException {
        String queryId = "chspring-insert-" + UUID.randomUUID();
        template.insert(Event.class).setting("log_queries", 1).queryId(queryId).all(List.of(event(1, 7, "click")));
        // 18.16 writes the query_log row after it answered: flush and look again for a while
        String logged = "";
        for (int i = 0; i < 100 && logged.isEmpty(); i++) {
            template.execute("SYSTEM FLUSH LOGS");
            logged = String.join("\n", template.sql("SELECT query FROM system.query_log WHERE query_id = :id AND type = 2")
                    .param("id", queryId).query(String.class).list());
            if (logged.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertThat(logged).startsWith("INSERT INTO `events`");
    }

}
