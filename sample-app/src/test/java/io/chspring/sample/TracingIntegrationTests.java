package io.chspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseClientBuilderCustomizer;
import io.chspring.client.ClickHouseClientConfig;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample traced end to end, on the 18.16 server and on the embedded engine (chDB 26.5, what {@code run.sh} runs):
 * an HTTP request arriving with a known W3C {@code traceparent} is served in that trace, and the ClickHouse requests it
 * causes are client spans of the same trace, children of the HTTP server span (through the repository's template
 * operation). What reaches the engine is recorded at the transport: on 26.5 every such request carries the client
 * span's {@code traceparent} as its {@code log_comment} setting (so {@code system.query_log} leads back to the trace on
 * a server that keeps one: chDB has no query_log) and as the {@code traceparent} header; 18.16 is sent neither, and
 * answers all the same.
 */
@ClickHouseEngines
class TracingIntegrationTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Parameter
    EngineTarget engine;

    /**
     * Records what the test looks at: stopped observations, and the requests handed to the embedded engine's
     * transport. Its pieces are registered as beans of the application by the test, not found by component scanning.
     */
    static final class Probe {

        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        final List<TransportRequest> sent = new CopyOnWriteArrayList<>();

        ObservationHandler<Observation.Context> recordingObservationHandler() {
            return new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    stopped.add(context);
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            };
        }

        /**
         * Wraps the embedded engine's transport (a {@code chdb:} URL sets a transport factory); the HTTP client's own
         * transport is left alone: on 18.16 the proof that no log_comment was sent is the server answering at all.
         */
        ClickHouseClientBuilderCustomizer recordingTransport() {
            return builder -> {
                Function<ClickHouseClientConfig, Transport> real = builder.buildConfig().transportFactory().orElse(null);
                if (real != null) {
                    builder.transport(c -> record(real.apply(c)));
                }
            };
        }

        private Transport record(Transport delegate) {
            return new Transport() {
                @Override
                public TransportResponse execute(TransportRequest request) {
                    sent.add(request);
                    return delegate.execute(request);
                }

                @Override
                public boolean framesRequestBodies() {
                    return delegate.framesRequestBodies();
                }

                @Override
                public void close() {
                    delegate.close();
                }
            };
        }
    }

    @Test
    void anHttpRequestsTraceIdIsOnTheClickHouseQueriesItCauses() throws Exception {
        Probe probe = new Probe();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("recordingObservationHandler",
                            probe.recordingObservationHandler());
                    c.getBeanFactory().registerSingleton("recordingTransport", probe.recordingTransport());
                })
                .run("--server.port=0", "--clickhouse.url=" + engine.url(),
                        "--management.tracing.sampling.probability=1.0")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            probe.sent.clear();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/stats/top-pages"))
                    .header("traceparent", TRACEPARENT).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

            List<Observation.Context> requests = probe.stopped.stream()
                    .filter(c -> c.getName().equals("clickhouse.request") && traceId(c).equals(TRACE_ID)).toList();
            assertThat(requests).as("client request spans in the HTTP request's trace").isNotEmpty()
                    .allSatisfy(request -> assertThat(ancestors(request))
                            .contains("clickhouse.template.operations", "http.server.requests"));
            List<String> clientSpans = requests.stream().map(c -> span(c).context().spanId()).toList();

            List<TransportRequest> traced = probe.sent.stream().filter(r -> !r.sql().startsWith("SELECT version()"))
                    .toList();
            if (engine.isEmbedded()) {
                assertThat(traced).isNotEmpty();
                assertThat(traced).allSatisfy(r -> {
                    String comment = r.settings().get("log_comment");
                    assertThat(comment).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
                    assertThat(clientSpans).contains(comment.substring(36, 52));
                    assertThat(r.headers()).containsEntry("traceparent", comment);
                });
            }
            // on 18.16 the 200 above says it: a log_comment would have failed the query (code 115, unknown setting)
        }
    }

    private static Span span(Observation.Context c) {
        TracingObservationHandler.TracingContext tracing = c.getRequired(TracingObservationHandler.TracingContext.class);
        return tracing.getSpan();
    }

    private static String traceId(Observation.Context c) {
        TracingObservationHandler.TracingContext tracing = c.get(TracingObservationHandler.TracingContext.class);
        return tracing == null || tracing.getSpan() == null ? "" : tracing.getSpan().context().traceId();
    }

    private static List<String> ancestors(Observation.Context c) {
        List<String> names = new ArrayList<>();
        for (ObservationView parent = c.getParentObservation(); parent != null;
                parent = parent.getContextView().getParentObservation()) {
            names.add(parent.getContextView().getName());
        }
        return names;
    }
}
