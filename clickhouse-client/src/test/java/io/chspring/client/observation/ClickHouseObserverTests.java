package io.chspring.client.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.Compression;
import io.chspring.client.FakeTransport;
import io.chspring.client.RequestEvent.Operation;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The client's observer SPI against a fake transport: what starts, what ends and when, what a trace context adds. */
class ClickHouseObserverTests {

    private static final TraceContext TRACE = new TraceContext(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);

    private final List<RequestStart> started = new CopyOnWriteArrayList<>();
    private final List<RequestEnd> ended = new CopyOnWriteArrayList<>();

    private ClickHouseObserver recording(@Nullable TraceContext trace) {
        return new ClickHouseObserver() {
            @Override
            public RequestObservation request(RequestStart request) {
                started.add(request);
                return new RequestObservation() {
                    @Override
                    public @Nullable TraceContext traceContext() {
                        return trace;
                    }

                    @Override
                    public void end(RequestEnd end) {
                        ended.add(end);
                    }
                };
            }
        };
    }

    private ClickHouseClient client(Transport transport, ClickHouseObserver observer) {
        return ClickHouseClient.builder().endpoint("http://db.example:8123").database("shop")
                .compression(Compression.NONE).transport(config -> transport).observer(observer).build();
    }

    @Test
    void aStreamedQueryEndsWhenItsStreamIsClosedWithTheBytesRead() throws Exception {
        FakeTransport fake = new FakeTransport("24.3.2.23").answering("a\nb\n");
        ClickHouseClient client = client(fake, recording(null));
        try (InputStream in = client.query("SELECT s FROM t WHERE id = ?").bind(7).fetchBytes("TSV")) {
            assertThat(started).hasSize(1);
            assertThat(ended).isEmpty();
            in.readAllBytes();
        }
        assertThat(ended).singleElement().satisfies(end -> {
            assertThat(end.success()).isTrue();
            assertThat(end.bytesReceived()).isEqualTo(4);
        });
        RequestStart start = started.get(0);
        assertThat(start.operation()).isEqualTo(Operation.QUERY);
        assertThat(start.keyword()).isEqualTo("SELECT");
        assertThat(start.queryText()).isEqualTo("SELECT s FROM t WHERE id = ?");
        assertThat(start.database()).isEqualTo("shop");
        assertThat(start.serverAddress()).isEqualTo("db.example");
        assertThat(start.serverPort()).isEqualTo(8123);
        assertThat(start.queryId()).isEqualTo(fake.lastRequest().queryId());
    }

    @Test
    void anInsertCountsItsBodyAndAFailedSendEndsWithTheError() {
        FakeTransport fake = new FakeTransport("24.3.2.23");
        ClickHouseClient client = client(fake, recording(null));
        byte[] rows = "1\tx\n".getBytes(StandardCharsets.UTF_8);
        client.insert("t").format("TabSeparated").send(out -> out.write(rows));
        assertThat(started.get(0).operation()).isEqualTo(Operation.INSERT);
        assertThat(ended.get(0).bytesSent()).isEqualTo(rows.length);

        ClickHouseClient failing = client(new Transport() {
            @Override
            public TransportResponse execute(TransportRequest request) {
                throw new ClickHouseServerException("boom", 60, "UNKNOWN_TABLE", 404, request.queryId(), false);
            }

            @Override
            public void close() {
            }
        }, recording(null));
        assertThatThrownBy(() -> failing.execute("DROP TABLE t")).isInstanceOf(ClickHouseServerException.class);
        assertThat(ended.get(1).error()).isInstanceOf(ClickHouseServerException.class);
    }

    @Test
    void aTraceContextGoesAsHeaderAndLogCommentToAModernServerAndNowhereOnAnOldOne() {
        FakeTransport modern = new FakeTransport("24.3.2.23").answering("1\n");
        client(modern, recording(TRACE)).query("SELECT 1").fetchString("TSV");
        assertThat(modern.lastRequest().headers()).containsEntry("traceparent", TRACE.traceparent());
        assertThat(modern.lastRequest().settings()).containsEntry("log_comment", TRACE.traceparent());

        FakeTransport old = new FakeTransport("18.16.1").answering("1\n");
        client(old, recording(TRACE)).query("SELECT 1").fetchString("TSV");
        assertThat(old.lastRequest().headers()).isEmpty();
        assertThat(old.lastRequest().settings()).doesNotContainKey("log_comment");
    }

    @Test
    void anObserverThatFailsToStartLeavesTheRequestUnobservedButSent() {
        FakeTransport fake = new FakeTransport("24.3.2.23").answering("ok\n");
        ClickHouseClient client = client(fake, new ClickHouseObserver() {
            @Override
            public RequestObservation request(RequestStart request) {
                throw new IllegalStateException("observer bug");
            }
        });
        assertThat(client.query("SELECT 'ok'").fetchString("TSV")).isEqualTo("ok\n");
        assertThat(client.config().toString()).contains("observer=");
    }
}
