package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.RequestEvent.Operation;
import io.chspring.client.transport.BodySink;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RequestListenerTests {

    private final List<RequestEvent> events = new CopyOnWriteArrayList<>();

    private ClickHouseClient client(FakeTransport transport) {
        return ClickHouseClient.builder().endpoint("http://127.0.0.1:8123").compression(Compression.NONE)
                .transport(config -> transport).requestListener(events::add).build();
    }

    @Test
    void reportsAQueryWhenItsResponseIsClosedWithTheBytesTheCallerRead() {
        ClickHouseClient client = client(new FakeTransport("24.3.2.23").answering("1\n2\n3\n"));

        String result = client.query("  SELECT number FROM system.numbers LIMIT 3").fetchString("TSV");

        assertThat(result).isEqualTo("1\n2\n3\n");
        RequestEvent event = events.get(events.size() - 1);
        assertThat(event.operation()).isEqualTo(Operation.QUERY);
        assertThat(event.operation().tag()).isEqualTo("query");
        assertThat(event.bytesReceived()).isEqualTo(6);
        assertThat(event.bytesSent()).isZero();
        assertThat(event.success()).isTrue();
        assertThat(event.duration()).isPositive();
    }

    @Test
    void countsTheInsertBodyBeforeCompression() {
        FakeTransport transport = new FakeTransport("24.3.2.23");
        ClickHouseClient client = client(transport);
        byte[] rows = "1\tone\n2\ttwo\n".getBytes(StandardCharsets.UTF_8);

        client.insert("events").format("TabSeparated").send(out -> out.write(rows));

        RequestEvent event = events.get(events.size() - 1);
        assertThat(event.operation()).isEqualTo(Operation.INSERT);
        assertThat(event.bytesSent()).isEqualTo(rows.length);
        assertThat(transport.lastBody()).isEqualTo(rows);
    }

    @Test
    void aFramedBodyStaysFramedAndIsCountedBeforeCompression() {
        FakeTransport fake = new FakeTransport("24.3.2.23");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Transport framing = new Transport() {
            @Override
            public TransportResponse execute(TransportRequest request) {
                if (request.compressRequest()) { // hands a framed sink, as the HTTP transport does when compressing
                    try {
                        request.body().writeTo(framedSink(wire));
                    } catch (IOException e) {
                        throw new ClickHouseTransportException("cannot write", e);
                    }
                    return fake.execute(new TransportRequest(request.sql(), request.settings(), request.parameters(),
                            request.database(), request.queryId(), null, null, null, false, false, false, null));
                }
                return fake.execute(request);
            }

            @Override
            public boolean framesRequestBodies() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        ClickHouseClient client = ClickHouseClient.builder().endpoint("http://127.0.0.1:8123")
                .transport(config -> framing).requestListener(events::add).build();
        byte[] rows = "1\tone\n2\ttwo\n".getBytes(StandardCharsets.UTF_8);

        client.insert("events").format("TabSeparated").sendBody(sink -> {
            assertThat(sink.framed()).isTrue();
            sink.frame(new byte[] {1, 2, 3}, 0, 3, rows.length);
        });

        assertThat(wire.toByteArray()).containsExactly(1, 2, 3);
        RequestEvent event = events.get(events.size() - 1);
        assertThat(event.bytesSent()).isEqualTo(rows.length); // the body before compression, as documented
    }

    /** A sink that takes frames as they are, as the HTTP transport's does for a compressed body. */
    private static BodySink framedSink(OutputStream wire) {
        return new BodySink() {
            @Override
            public boolean framed() {
                return true;
            }

            @Override
            public OutputStream plain() {
                throw new IllegalStateException("the framed path must be taken");
            }

            @Override
            public void frame(byte[] frame, int offset, int length, int plainLength) throws IOException {
                wire.write(frame, offset, length);
            }
        };
    }

    @Test
    void classifiesStatementsByTheirFirstKeyword() {
        assertThat(ListeningTransport.operation(request("(SELECT 1)"))).isEqualTo(Operation.QUERY);
        assertThat(ListeningTransport.operation(request("with x as (select 1) select * from x")))
                .isEqualTo(Operation.QUERY);
        assertThat(ListeningTransport.operation(request("INSERT INTO t SELECT 1"))).isEqualTo(Operation.INSERT);
        assertThat(ListeningTransport.operation(request("CREATE TABLE t (x UInt8) ENGINE = Memory")))
                .isEqualTo(Operation.COMMAND);
        assertThat(ListeningTransport.operation(request("SYSTEM FLUSH LOGS"))).isEqualTo(Operation.COMMAND);
    }

    @Test
    void reportsAFailedSendWithItsErrorAndRethrowsIt() {
        ClickHouseClient client = ClickHouseClient.builder().endpoint("http://127.0.0.1:8123")
                .transport(config -> new Transport() {
                    @Override
                    public TransportResponse execute(TransportRequest request) {
                        throw new ClickHouseTransportException("refused", null, 0, request.queryId(), true);
                    }

                    @Override
                    public void close() {
                    }
                }).requestListener(events::add).build();

        assertThatThrownBy(() -> client.execute("DROP TABLE t")).isInstanceOf(ClickHouseTransportException.class);

        RequestEvent event = events.get(events.size() - 1);
        assertThat(event.operation()).isEqualTo(Operation.COMMAND);
        assertThat(event.success()).isFalse();
        assertThat(event.failure()).containsInstanceOf(ClickHouseTransportException.class);
    }

    @Test
    void aFailingListenerDoesNotFailTheRequestAndDerivedCopiesShareTheListener() {
        FakeTransport transport = new FakeTransport("24.3.2.23").answering("ok\n");
        ClickHouseClient client = ClickHouseClient.builder().endpoint("http://127.0.0.1:8123")
                .transport(config -> transport).requestListener(event -> {
                    events.add(event);
                    throw new IllegalStateException("listener bug");
                }).build();

        String answer = client.withDatabase("db1").query("SELECT 'ok'").fetchString("TSV");

        assertThat(answer).isEqualTo("ok\n");
        assertThat(events).extracting(RequestEvent::queryId).contains(transport.lastRequest().queryId());
        assertThat(client.config().toString()).contains("requestListener=");
    }

    private static TransportRequest request(String sql) {
        return new TransportRequest(sql, null, null, null, "q", null, null, null, false, false, true, null);
    }
}
