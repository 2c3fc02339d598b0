package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.cluster.EndpointStatus;
import io.chspring.client.cluster.LoadBalancing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The routing decisions over fake endpoints; the same behaviour on a real cluster is in the integration tests. */
class RoutingTransportTests {

    /** A fake endpoint: answers with its name, or fails the way it is told to. */
    static final class Node implements Transport {
        final String name;
        volatile ClickHouseException failWith;
        final AtomicInteger requests = new AtomicInteger();

        Node(String name) {
            this.name = name;
        }

        @Override
        public TransportResponse execute(TransportRequest request) {
            requests.incrementAndGet();
            if (failWith != null) {
                throw failWith;
            }
            byte[] answer = (request.sql().equals("SELECT 1") ? "1" : name).getBytes(StandardCharsets.UTF_8);
            return new TransportResponse() {
                @Override
                public String queryId() {
                    return request.queryId();
                }

                @Override
                public Optional<String> header(String headerName) {
                    return Optional.empty();
                }

                @Override
                public InputStream body() {
                    return new ByteArrayInputStream(answer);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private final List<Node> nodes = List.of(new Node("n1"), new Node("n2"), new Node("n3"));
    private RoutingTransport transport = routing(LoadBalancing.ROUND_ROBIN);

    private RoutingTransport routing(LoadBalancing policy) {
        List<RoutingTransport.Route> routes = new ArrayList<>();
        for (Node n : nodes) {
            routes.add(new RoutingTransport.Route(URI.create("http://" + n.name + ":8123"), n, n));
        }
        return RoutingTransport.create(routes, new RoutingTransport.Options(policy, Duration.ofSeconds(5),
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofHours(1)));
    }

    @AfterEach
    void close() {
        transport.close();
    }

    private static TransportRequest query(String sql) {
        return new TransportRequest(sql, Map.of(), Map.of(), null, "q", null, null, null, false, false, true, null);
    }

    private static TransportRequest inSession(String session) {
        return new TransportRequest("SELECT x", Map.of(), Map.of(), null, "q", session, null, null, false, false,
                true, null);
    }

    private static TransportRequest insert() {
        return new TransportRequest("INSERT INTO t FORMAT RowBinary", Map.of(), Map.of(), null, "q", null, null,
                sink -> sink.plain().write(1), false, false, false, null);
    }

    private String send(TransportRequest request) throws IOException {
        try (TransportResponse r = transport.execute(request); InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ClickHouseTransportException refused() {
        return new ClickHouseTransportException("connection refused", new ConnectException("Connection refused"), 0,
                "q", true);
    }

    private static ClickHouseTransportException noResponse() {
        return new ClickHouseTransportException("request failed", new NoHttpResponseException("no response"), 0, "q",
                true);
    }

    @Test
    void aRefusedEndpointIsSkippedQuarantinedAndBroughtBackByTheProbe() throws IOException {
        nodes.get(1).failWith = refused();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(send(query("SELECT name")));
        }
        assertThat(answers).containsOnly("n1", "n3").hasSize(6);
        assertThat(nodes.get(1).requests).hasValue(1);
        EndpointStatus down = transport.statuses().get(1);
        assertThat(down.address()).isEqualTo("http://n2:8123");
        assertThat(down.healthy()).isFalse();
        assertThat(down.failures()).isEqualTo(1);
        assertThat(down.lastError()).contains("connection refused");

        nodes.get(1).failWith = null;
        transport.probeNowForTests();
        assertThat(transport.statuses().get(1).healthy()).isTrue();
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            after.add(send(query("SELECT name")));
        }
        assertThat(after).containsExactlyInAnyOrder("n1", "n2", "n3");
    }

    @Test
    void anInsertThatMayHaveReachedTheServerIsNotRepeatedHereButOneThatWasRefusedIs() throws IOException {
        transport = routing(LoadBalancing.IN_ORDER);
        nodes.get(0).failWith = noResponse();
        assertThatThrownBy(() -> send(insert())).isSameAs(nodes.get(0).failWith);
        assertThat(nodes.get(1).requests).hasValue(0);

        nodes.get(0).failWith = null;
        transport.probeNowForTests();
        nodes.get(0).failWith = refused();
        assertThat(send(insert())).isEqualTo("n2");
    }

    @Test
    void aQueryThatMayHaveReachedTheServerIsRepeatedElsewhere() throws IOException {
        transport = routing(LoadBalancing.IN_ORDER);
        nodes.get(0).failWith = noResponse();
        assertThat(send(query("SELECT name"))).isEqualTo("n2");
    }

    @Test
    void aServerErrorAboutTheQueryIsNeitherRepeatedNorHeldAgainstTheEndpoint() {
        nodes.get(0).failWith = new ClickHouseServerException("Syntax error", 62, "SYNTAX_ERROR", 500, "q", false);
        transport = routing(LoadBalancing.IN_ORDER);
        assertThatThrownBy(() -> send(query("SELEC 1"))).isSameAs(nodes.get(0).failWith);
        assertThat(transport.statuses().get(0).healthy()).isTrue();
        assertThat(nodes.get(1).requests).hasValue(0);
    }

    @Test
    void whenEveryEndpointFailsTheCallerGetsTheLastErrorWithTheOthersSuppressed() {
        nodes.forEach(n -> n.failWith = refused());
        assertThatThrownBy(() -> send(query("SELECT name")))
                .isInstanceOf(ClickHouseTransportException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(nodes).allSatisfy(n -> assertThat(n.requests).hasValue(1));
    }

    @Test
    void aSessionStaysOnItsEndpointAndFailsClearlyWhenItIsGone() throws IOException {
        String first = send(inSession("s-1"));
        for (int i = 0; i < 4; i++) {
            assertThat(send(inSession("s-1"))).isEqualTo(first);
        }
        Node home = nodes.stream().filter(n -> n.name.equals(first)).findFirst().orElseThrow();
        home.failWith = refused();
        assertThatThrownBy(() -> send(inSession("s-1"))).hasCause(home.failWith)
                .hasMessageStartingWith("Session s-1 lives on http://" + first + ":8123, which is failing");
        assertThatThrownBy(() -> send(inSession("s-1")))
                .isInstanceOf(ClickHouseTransportException.class)
                .hasMessageStartingWith("Session s-1 lives on http://" + first + ":8123, which is failing "
                        + "(connection refused)")
                .hasMessageContaining("start a new session");
        assertThat(send(inSession("s-2"))).isNotEqualTo(first);
    }

    @Test
    void inFlightCountsUntilTheBodyIsClosed() throws IOException {
        transport = routing(LoadBalancing.IN_ORDER);
        TransportResponse open = transport.execute(query("SELECT name"));
        assertThat(transport.statuses().get(0).inFlight()).isEqualTo(1);
        open.body().close();
        assertThat(transport.statuses().get(0).inFlight()).isZero();
        open.close();
        assertThat(transport.statuses().get(0).inFlight()).isZero();
    }

    @Test
    void aSubsetRoutesOverItsEndpointsOnlyAndSharesTheirHealth() throws IOException {
        RoutingTransport shard = transport.subset(List.of(URI.create("http://n2:8123"), URI.create("http://n3:8123")),
                LoadBalancing.ROUND_ROBIN);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try (TransportResponse r = shard.execute(query("SELECT name")); InputStream in = r.body()) {
                answers.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(answers).containsOnly("n2", "n3").hasSize(4);
        nodes.get(2).failWith = refused();
        for (int i = 0; i < 2; i++) { // one of the two lands on n3 and moves to n2
            try (TransportResponse r = shard.execute(query("SELECT name")); InputStream in = r.body()) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("n2");
            }
        }
        assertThat(transport.statuses().get(2).healthy()).isFalse();
        shard.close();
        assertThat(send(query("SELECT name"))).isIn("n1", "n2");
        assertThatThrownBy(() -> transport.subset(List.of(URI.create("http://other:8123")), LoadBalancing.RANDOM))
                .hasMessageContaining("http://other:8123");
    }
}
