package io.chspring.test.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.observation.RequestObservation;
import io.chspring.client.observation.RequestStart;
import io.chspring.client.observation.TraceContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Which trace context a request carries to servers of each age, as the client chooses it by version: the W3C
 * {@code traceparent}/{@code tracestate} HTTP headers from 20.10, the {@code traceparent} as the {@code log_comment}
 * setting from 21.2. The mock stands in for the modern servers: no engine here reads HTTP headers but 18.16, which
 * ignores these (the real-engine test is {@code ClientObservationIntegrationTests} in clickhouse-spring-data: chDB
 * 26.5 reads its {@code log_comment} back, 18.16 runs the traced query without it).
 */
class TraceContextHeadersTests {

    private static final TraceContext TRACE = new TraceContext(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "vendor=x");

    /** Hands every request the same trace context, as a tracing adapter would hand the client span's. */
    private static final ClickHouseObserver TRACING = new ClickHouseObserver() {
        @Override
        public RequestObservation request(RequestStart request) {
            return new RequestObservation() {
                @Override
                public @Nullable TraceContext traceContext() {
                    return TRACE;
                }

                @Override
                public void end(io.chspring.client.observation.RequestEnd end) {
                }
            };
        }
    };

    private static RequestHandle run(String version, String setting) {
        try (MockClickHouseServer mock = MockClickHouseServer.start(version);
                ClickHouseClient client = ClickHouseClient.builder().url(mock.url()).observer(TRACING).build()) {
            RequestHandle request = mock.add(Handlers.recordDdl());
            if (setting == null) {
                client.execute("SYSTEM FLUSH LOGS");
            } else {
                client.query("SYSTEM FLUSH LOGS").setting("log_comment", setting).execute();
            }
            return request;
        }
    }

    @Test
    void aModernServerGetsTheHeadersAndTheTraceInLogComment() {
        RequestHandle request = run("26.5.1.1", null);
        assertThat(request.headers()).containsEntry("traceparent", TRACE.traceparent())
                .containsEntry("tracestate", "vendor=x");
        assertThat(request.parameters()).containsEntry("log_comment", TRACE.traceparent());
    }

    @Test
    void aLogCommentOfTheApplicationWins() {
        RequestHandle request = run("26.5.1.1", "nightly-import");
        assertThat(request.parameters()).containsEntry("log_comment", "nightly-import");
        assertThat(request.headers()).containsEntry("traceparent", TRACE.traceparent());
    }

    @Test
    void a20Dot10ServerGetsTheHeadersButNoLogComment() {
        RequestHandle request = run("20.10.2.20", null);
        assertThat(request.headers()).containsEntry("traceparent", TRACE.traceparent());
        assertThat(request.parameters()).doesNotContainKey("log_comment");
    }

    @Test
    void anOlderServerGetsNeither() {
        RequestHandle request = run("20.9.7.11", null);
        assertThat(request.headers()).doesNotContainKeys("traceparent", "tracestate");
        assertThat(request.parameters()).doesNotContainKey("log_comment");
    }

    @Test
    void withoutAnObserverNothingIsAdded() {
        try (MockClickHouseServer mock = MockClickHouseServer.start();
                ClickHouseClient client = ClickHouseClient.fromUrl(mock.url())) {
            RequestHandle request = mock.add(Handlers.recordDdl());
            client.execute("SYSTEM FLUSH LOGS");
            assertThat(request.headers()).doesNotContainKey("traceparent");
            assertThat(request.parameters()).doesNotContainKey("log_comment");
        }
    }
}
