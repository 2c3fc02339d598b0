package io.chspring.data.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.mapping.Table;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DataAccessException;

/**
 * Every template operation is one Micrometer observation with the database key values, on both engines: queries
 * (list and stream, closed), statements, inserts, a failure with the server's error code, and a replaced convention.
 * A handler records each stopped observation's context as the registry hands it over.
 */
@ClickHouseEngines
class ObservationIntegrationTests {

    @Table("metrics")
    record Metric(long id, String name) {
    }

    static final List<Observation.Context> STOPPED = new CopyOnWriteArrayList<>();

    private static ClickHouseClient client;
    private static ClickHouseTemplate template;
    private static ObservationRegistry registry;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void start(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        template = new ClickHouseTemplate(client);
        template.execute("CREATE TABLE metrics (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                STOPPED.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        template.setOperationObserver(new ObservationOperationObserver(registry, null, "analytics"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        client.close();
    }

    @BeforeEach
    void clean() {
        template.deleteAll(Metric.class);
        STOPPED.clear();
    }

    private static Map<String, String> low(Observation.Context c) {
        return c.getLowCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    private static Map<String, String> high(Observation.Context c) {
        return c.getHighCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    @Test
    void insertsAndQueriesAreObservedWithDatabaseKeyValues() {
        template.insertAll(Metric.class, List.of(new Metric(1, "a"), new Metric(2, "b"), new Metric(3, "c")));
        List<Metric> read = template.sql("SELECT ?fields FROM metrics WHERE name IN :names ORDER BY id")
                .param("names", List.of("a", "c")).query(Metric.class).list();
        assertThat(read).hasSize(2);

        assertThat(STOPPED).hasSize(2);
        Observation.Context insert = STOPPED.get(0);
        assertThat(insert.getName()).isEqualTo("clickhouse.template.operations");
        assertThat(insert.getContextualName()).isEqualTo("INSERT metrics");
        assertThat(low(insert)).containsEntry("db.system.name", "clickhouse").containsEntry("db.operation.name", "INSERT")
                .containsEntry("db.namespace", "analytics").containsEntry("outcome", "SUCCESS");
        assertThat(high(insert)).containsEntry("db.response.returned_rows", "3");

        Observation.Context query = STOPPED.get(1);
        assertThat(low(query)).containsEntry("db.operation.name", "SELECT").containsEntry("outcome", "SUCCESS")
                .containsEntry("error.type", "none");
        // the statement as written: placeholders, never the bound values
        assertThat(high(query)).containsEntry("db.query.text",
                "SELECT ?fields FROM metrics WHERE name IN :names ORDER BY id")
                .containsEntry("db.response.returned_rows", "2");
    }

    @Test
    void aStreamIsObservedUntilClosedAndAFailureCarriesTheServerCode() {
        template.insertAll(Metric.class, List.of(new Metric(1, "a"), new Metric(2, "b")));
        STOPPED.clear();
        try (Stream<Metric> rows = template.queryForStream("SELECT ?fields FROM metrics", Metric.class)) {
            assertThat(rows.count()).isEqualTo(2);
            assertThat(STOPPED).isEmpty();
        }
        assertThat(STOPPED).singleElement().satisfies(c ->
                assertThat(high(c)).containsEntry("db.response.returned_rows", "2"));

        STOPPED.clear();
        assertThatThrownBy(() -> template.execute("SELECT * FROM no_such_table")).isInstanceOf(DataAccessException.class);
        assertThat(STOPPED).singleElement().satisfies(c -> {
            assertThat(c.getError()).isInstanceOf(DataAccessException.class);
            // 60: UNKNOWN_TABLE, on 18.16 and on 26.5
            assertThat(low(c)).containsEntry("outcome", "ERROR").containsEntry("db.response.status_code", "60")
                    .containsEntry("db.operation.name", "SELECT");
        });
    }

    @Test
    void aConventionOfTheApplicationReplacesTheDefault() {
        ClickHouseObservationConvention custom = new ClickHouseObservationConvention() {
            @Override
            public String getName() {
                return "my.db";
            }

            @Override
            public io.micrometer.common.KeyValues getLowCardinalityKeyValues(ClickHouseObservationContext context) {
                return io.micrometer.common.KeyValues.of("kind", context.getKind());
            }
        };
        ClickHouseTemplate customized = new ClickHouseTemplate(client);
        customized.setOperationObserver(new ObservationOperationObserver(registry, custom, null));
        customized.queryForObject("SELECT count() FROM metrics", Long.class);
        assertThat(STOPPED).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("my.db");
            assertThat(low(c)).containsExactly(Map.entry("kind", "query"));
        });
    }
}
