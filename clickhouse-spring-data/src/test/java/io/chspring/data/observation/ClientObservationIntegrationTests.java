package io.chspring.data.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.mapping.Table;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The client's own observations, on 18.16 over HTTP and on chDB 26.5: one {@code clickhouse.request} per request the
 * client sends (with the template's operation as its parent, and without a template), one
 * {@code clickhouse.inserter.batch} per Inserter batch with its requests as children, and the trace context reaching
 * the server where it can: on chDB 26.5 the client span's {@code traceparent} is in {@code system.query_log.log_comment};
 * on 18.16, which knows no {@code log_comment} (code 115 for any unknown setting), the traced query still runs. The
 * tracer is Micrometer Tracing's OpenTelemetry bridge with the W3C propagator, as a Boot application has it.
 */
@ClickHouseEngines
class ClientObservationIntegrationTests {

    @Table("visits")
    record Visit(long id, String page) {
    }

    static final List<Observation.Context> STOPPED = new CopyOnWriteArrayList<>();

    private static ClickHouseClient client;
    private static ClickHouseClient withText;
    private static ClickHouseTemplate template;
    private static TestObservationRegistry registry;
    private static OtelTracer tracer;

    @Parameter
    EngineTarget engine;

    @TempDir
    Path spool;

    @BeforeParameterizedClassInvocation
    static void start(EngineTarget engine) {
        registry = TestObservationRegistry.create();
        SdkTracerProvider provider = SdkTracerProvider.builder().build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("chspring-test");
        tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        OtelPropagator propagator = new OtelPropagator(
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
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
        client = ClickHouseClient.builder().url(engine.url())
                .observer(new ObservationClickHouseObserver(registry)).build();
        withText = ClickHouseClient.builder().url(engine.url())
                .observer(new ObservationClickHouseObserver(registry, null, null, true)).build();
        template = new ClickHouseTemplate(client);
        template.setOperationObserver(new ObservationOperationObserver(registry, null, engine.database()));
        template.execute("CREATE TABLE visits (id UInt64, page String) ENGINE = MergeTree ORDER BY id");
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        client.close();
        withText.close();
    }

    @BeforeEach
    void clean() {
        template.execute("TRUNCATE TABLE visits");
        STOPPED.clear();
        registry.clear();
    }

    private static Map<String, String> low(Observation.Context c) {
        return c.getLowCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    private static Map<String, String> high(Observation.Context c) {
        return c.getHighCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    private static List<Observation.Context> named(String name) {
        return STOPPED.stream().filter(c -> c.getName().equals(name)).toList();
    }

    private static String parentName(Observation.Context c) {
        ObservationView parent = c.getParentObservation();
        return parent == null ? "none" : parent.getContextView().getName();
    }

    private static String traceId(Observation.Context c) {
        return span(c).context().traceId();
    }

    private static io.micrometer.tracing.Span span(Observation.Context c) {
        TracingObservationHandler.TracingContext tracing = c.getRequired(TracingObservationHandler.TracingContext.class);
        return tracing.getSpan();
    }

    @Test
    void aTemplateOperationIsTheParentOfItsRequest() {
        template.insertAll(Visit.class, List.of(new Visit(1, "/a"), new Visit(2, "/b")));
        STOPPED.clear();
        List<Visit> read = template.sql("SELECT ?fields FROM visits WHERE page = :page").param("page", "/b")
                .query(Visit.class).list();
        assertThat(read).containsExactly(new Visit(2, "/b"));

        Observation.Context operation = named("clickhouse.template.operations").get(0);
        List<Observation.Context> requests = named("clickhouse.request");
        // 18.16 asks DESCRIBE (query) first for a typed read (no RowBinaryWithNamesAndTypes): two requests there
        assertThat(requests).hasSize(engine.isHttp() ? 2 : 1).allSatisfy(request -> {
            assertThat(parentName(request)).isEqualTo("clickhouse.template.operations");
            assertThat(traceId(request)).isEqualTo(traceId(operation));
            assertThat(request.getContextualName()).startsWith("clickhouse ");
            assertThat(low(request)).containsEntry("db.system.name", "clickhouse")
                    .containsEntry("db.namespace", engine.database()).containsEntry("outcome", "SUCCESS")
                    .containsEntry("error.type", "none").containsEntry("db.response.status_code", "none")
                    .containsEntry("server.address", engine.isHttp() ? "127.0.0.1" : "embedded");
            assertThat(high(request)).containsKey("clickhouse.query.id").doesNotContainKey("db.query.text");
        });
        Observation.Context select = requests.get(requests.size() - 1);
        assertThat(low(select)).containsEntry("db.operation.name", "SELECT");
        assertThat(Long.parseLong(high(select).get("clickhouse.bytes.received"))).isPositive();
    }

    @Test
    void aClientWithoutTemplateHasRootRequestsAndQueryTextWithoutLiteralsWhenEnabled() {
        withText.query("SELECT count() FROM visits WHERE page = 'secret-page' AND id > 41").fetchOne(Long.class);
        Observation.Context request = named("clickhouse.request").get(named("clickhouse.request").size() - 1);
        assertThat(parentName(request)).isEqualTo("none");
        assertThat(high(request).get("db.query.text"))
                .isEqualTo("SELECT count() FROM visits WHERE page = ? AND id > ?");

        STOPPED.clear();
        assertThatThrownBy(() -> client.execute("SELECT * FROM no_such_table")).isInstanceOf(ClickHouseException.class);
        assertThat(named("clickhouse.request")).singleElement().satisfies(failed -> {
            assertThat(low(failed)).containsEntry("outcome", "ERROR").containsEntry("db.response.status_code", "60")
                    .containsEntry("error.type", "ClickHouseServerException");
            assertThat(failed.getError()).isInstanceOf(ClickHouseException.class);
        });
    }

    @Test
    void anInserterBatchIsOneObservationWithItsRequestsAsChildren() {
        try (Inserter<Visit> inserter = client.inserter("visits", Visit.class).period(Duration.ofHours(1))
                .spoolDirectory(spool).shutdownHook(false).build()) {
            inserter.writeAll(List.of(new Visit(1, "/x"), new Visit(2, "/y"), new Visit(3, "/z")));
            inserter.flush();
        }
        assertThat(named("clickhouse.inserter.batch")).singleElement().satisfies(batch -> {
            assertThat(batch.getContextualName()).isEqualTo("clickhouse INSERT visits");
            assertThat(low(batch)).containsEntry("clickhouse.batch.outcome", "committed")
                    .containsEntry("db.collection.name", "visits").containsEntry("clickhouse.batch.replay", "false");
            assertThat(high(batch)).containsEntry("clickhouse.batch.rows", "3")
                    .containsEntry("clickhouse.batch.attempts", "1").containsEntry("clickhouse.batch.retries", "0");
            assertThat(Long.parseLong(high(batch).get("clickhouse.batch.bytes"))).isPositive();
            List<Observation.Context> children = STOPPED.stream()
                    .filter(c -> c.getName().equals("clickhouse.request") && parentName(c).equals(batch.getName()))
                    .toList();
            assertThat(children).extracting(c -> low(c).get("db.operation.name")).contains("INSERT");
            assertThat(children).allSatisfy(c -> assertThat(traceId(c)).isEqualTo(traceId(batch)));
        });
        assertThat(template.queryForObject("SELECT count() FROM visits", Long.class)).isEqualTo(3);
    }

    @Test
    void aBatchThatFailsForGoodIsSpooledAndSaysSo() throws Exception {
        template.execute("CREATE TABLE doomed (id UInt64, page String) ENGINE = MergeTree ORDER BY id");
        Inserter<Visit> inserter = client.inserter("doomed", Visit.class).period(Duration.ofHours(1))
                .spoolDirectory(spool).shutdownHook(false).retryBudget(Duration.ZERO).build();
        try {
            template.execute("DROP TABLE doomed");
            inserter.write(new Visit(1, "/gone"));
            try {
                inserter.flush();
            } catch (RuntimeException expected) {
                // the batch failed; what matters here is its observation
            }
        } finally {
            inserter.close();
        }
        assertThat(named("clickhouse.inserter.batch")).singleElement().satisfies(batch -> {
            assertThat(low(batch)).containsEntry("clickhouse.batch.outcome", "spooled");
            assertThat(low(batch).get("error.type")).isNotEqualTo("none");
            assertThat(high(batch)).containsEntry("clickhouse.batch.rows", "1");
        });
        try (var files = Files.walk(spool)) {
            assertThat(files.filter(Files::isRegularFile)).isNotEmpty();
        }
    }

    @Test
    void theTraceIdReachesTheServerWhereItCan() {
        Observation parent = Observation.start("test.http.request", registry);
        // 26.5 reads the log_comment it was sent back with getSetting (chDB has no system.query_log: its default
        // configuration has no query_log section); 18.16 has neither getSetting nor log_comment, so it runs SELECT 1
        String sql = engine.isEmbedded() ? "SELECT getSetting('log_comment')" : "SELECT '1'";
        String answer;
        Observation.Scope scope = parent.openScope();
        try {
            answer = client.query(sql).fetchOne(String.class);
        } finally {
            scope.close();
            parent.stop();
        }
        Observation.Context request = named("clickhouse.request").get(named("clickhouse.request").size() - 1);
        String traceId = traceId(parent.getContext());
        assertThat(traceId(request)).isEqualTo(traceId);
        assertThat(parentName(request)).isEqualTo("test.http.request");
        if (engine.isEmbedded()) {
            // the client span's traceparent: the trace of the caller, the span of the request, then the flags
            assertThat(answer).matches("00-" + traceId + "-" + span(request).context().spanId() + "-[0-9a-f]{2}");
        } else {
            // had log_comment been sent, 18.16 would have refused the query (code 115, unknown setting)
            assertThat(answer).isEqualTo("1");
        }
    }
}
