package io.chspring.it;

import static io.chspring.it.ClusterSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.cluster.LoadBalancing;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterStats;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch whose answer is lost is stored once: the first replica of a shard sits behind a proxy that passes the
 * INSERT through and then drops the connection instead of the answer (the server has committed the block). The
 * Inserter sends the same bytes again, and the client routes them to the other replica; ReplicatedMergeTree on
 * 18.16 recognises the block by its checksum and does not store it again.
 */
@ClickHouseClusterTest
class ClusterLostResponseIntegrationTests {

    record Row(long id, String payload) {
    }

    @TempDir
    Path spool;

    @Test
    void aBatchWhoseAnswerWasLostIsStoredOnceThroughTheOtherReplica(LocalClickHouseCluster cluster) throws Exception {
        ClusterNode first = cluster.node(1, 1);
        ClusterNode second = cluster.node(1, 2);
        String table = unique("lost_answer");
        first.query("CREATE TABLE " + table + " ON CLUSTER c (id UInt64, payload String) ENGINE = "
                + "ReplicatedMergeTree('/clickhouse/tables/{shard}/" + table + "', '{replica}') ORDER BY id");
        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(first.httpPort());
                ClickHouseClient client = ClickHouseClient.builder()
                        .endpoints(List.of(URI.create("http://127.0.0.1:" + proxy.port()),
                                URI.create(second.httpUrl())))
                        .loadBalancing(LoadBalancing.IN_ORDER).database("default")
                        .quarantineBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build()) {
            client.describeTable(table); // the schema read goes through the proxy before it starts dropping answers
            proxy.dropAnswers();
            try (Inserter<Row> inserter = client.inserter(table, Row.class).maxRows(1_000)
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(100)).spoolDirectory(spool).build()) {
                for (long id = 0; id < 1_000; id++) {
                    inserter.write(new Row(id, "row " + id));
                }
                InserterStats stats = inserter.flush();
                assertThat(stats.retries()).as("the first attempt lost its answer").isEqualTo(1);
                assertThat(stats.committedRows()).isEqualTo(1_000);
            }
            assertThat(proxy.droppedAnswers()).isEqualTo(1);
        }
        first.query("SYSTEM SYNC REPLICA " + table);
        second.query("SYSTEM SYNC REPLICA " + table);
        for (ClusterNode node : List.of(first, second)) {
            assertThat(node.query("SELECT count(), uniqExact(id) FROM " + table).strip()).as("on %s", node)
                    .isEqualTo("1000\t1000");
        }
    }

    /**
     * Forwards every connection to a server; once told to, it lets the request through and closes the connection
     * when the answer starts, as a network failure right after the server committed would.
     */
    static final class AnswerDroppingProxy implements AutoCloseable {

        private final ServerSocket socket;
        private final int target;
        private volatile boolean drop;
        private final AtomicInteger dropped = new AtomicInteger();

        AnswerDroppingProxy(int target) throws IOException {
            this.target = target;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "answer-dropping-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        void dropAnswers() {
            drop = true;
        }

        int droppedAnswers() {
            return dropped.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    pipe(client.getInputStream(), server.getOutputStream(), client, server, false);
                    pipe(server.getInputStream(), client.getOutputStream(), client, server, true);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pipe(InputStream in, OutputStream out, Socket a, Socket b, boolean answers) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        if (answers && drop) {
                            dropped.incrementAndGet();
                            break;
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // the other direction closed the sockets
                } finally {
                    closeQuietly(a);
                    closeQuietly(b);
                }
            }, "answer-dropping-proxy-pipe");
            t.setDaemon(true);
            t.start();
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing twice is fine
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
