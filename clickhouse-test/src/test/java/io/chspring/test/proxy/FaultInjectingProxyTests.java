package io.chspring.test.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault against a line server: a request is one line, the answer {@code ok:<line>\n}. What the server received
 * is recorded, so each test sees both sides of the proxy.
 */
class FaultInjectingProxyTests {

    private LineServer server;
    private FaultInjectingProxy proxy;

    @BeforeEach
    void start() throws IOException {
        server = new LineServer();
        proxy = FaultInjectingProxy.start("127.0.0.1", server.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    @Test
    void passesRequestsAndAnswersThroughOnOneKeepAliveConnection() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "a")).isEqualTo("ok:a\n");
            assertThat(roundTrip(socket, "b")).isEqualTo("ok:b\n");
        }
        assertThat(server.received).containsExactly("a", "b");
        assertThat(proxy.connections()).isEqualTo(1);
        assertThat(proxy.requests()).isEqualTo(2);
        assertThat(proxy.faultedRequests()).isZero();
        assertThat(proxy.url()).isEqualTo("http://127.0.0.1:" + proxy.port());
    }

    @Test
    void resetBreaksTheConnectionBeforeTheServerSeesTheRequest() throws Exception {
        proxy.inject(Fault.reset());
        try (Socket socket = connect()) {
            send(socket, "lost");
            assertThatThrownBy(() -> readAnswer(socket)).isInstanceOf(IOException.class).hasMessageContaining("reset");
        }
        Thread.sleep(100);
        assertThat(server.received).isEmpty();
        assertThat(proxy.faultedRequests()).isEqualTo(1);
    }

    @Test
    void stallSwallowsTheRequestAndAnswersNothing() throws Exception {
        proxy.inject(Fault.stall());
        try (Socket socket = connect()) {
            send(socket, "swallowed");
            assertThatThrownBy(() -> readAnswer(socket)).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(server.received).isEmpty();
    }

    @Test
    void stallResponseLetsTheServerRunButHoldsItsAnswer() throws Exception {
        proxy.inject(Fault.stallResponse());
        try (Socket socket = connect()) {
            send(socket, "done-but-unheard");
            assertThatThrownBy(() -> readAnswer(socket)).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(server.received).containsExactly("done-but-unheard");
    }

    @Test
    void dripSlowsTheAnswerButDeliversAllOfIt() throws IOException {
        proxy.inject(Fault.drip(Direction.RESPONSE, 2, Duration.ofMillis(40)));
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            assertThat(roundTrip(socket, "slow")).isEqualTo("ok:slow\n");   // 8 bytes: 4 drops of 2
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(160));
        }
    }

    @Test
    void dripOnTheRequestSlowsWhatTheServerReceives() throws IOException {
        proxy.inject(Fault.drip(Direction.REQUEST, 3, Duration.ofMillis(30)));
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            assertThat(roundTrip(socket, "abcdefgh")).isEqualTo("ok:abcdefgh\n");   // 9 bytes: 3 drops of 3
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        }
    }

    @Test
    void cutAfterResponseBytesDeliversExactlyThatManyThenBreaks() throws IOException {
        proxy.inject(Fault.cutAfter(Direction.RESPONSE, 5));
        try (Socket socket = connect()) {
            send(socket, "truncated");
            InputStream in = socket.getInputStream();
            byte[] got = new byte[64];
            int total = 0;
            Throwable end = null;
            try {
                for (int n; (n = in.read(got, total, got.length - total)) > 0; ) {
                    total += n;
                }
            } catch (IOException e) {
                end = e;
            }
            assertThat(new String(got, 0, total, StandardCharsets.US_ASCII)).isEqualTo("ok:tr");
            // A reset, seen as an error or (when it raced the data) as the end of the stream, never more bytes.
            assertThat(end == null || end.getMessage().contains("reset")).as(String.valueOf(end)).isTrue();
        }
        assertThat(server.received).containsExactly("truncated");
    }

    @Test
    void cutAfterRequestBytesGivesTheServerOnlyThatMany() throws Exception {
        proxy.inject(Fault.cutAfter(Direction.REQUEST, 4));
        try (Socket socket = connect()) {
            send(socket, "abcdefgh");
            Throwable thrown = catchThrowable(() -> readAnswer(socket));
            assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
        }
        assertThat(server.awaitPartial()).isEqualTo("abcd");
        assertThat(server.received).isEmpty();
    }

    @Test
    void dropResponseLetsTheServerFinishAndTheClientHearNothing() throws Exception {
        proxy.inject(Fault.dropResponse());
        try (Socket socket = connect()) {
            send(socket, "committed");
            Throwable thrown = catchThrowable(() -> readAnswer(socket));
            assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
        }
        assertThat(server.received).containsExactly("committed");
    }

    @Test
    void aLimitedFaultHitsOnlyMatchingRequestsAndOnlySoOften() throws IOException {
        proxy.inject(Fault.reset(), "INSERT", 1);
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "SELECT 1")).isEqualTo("ok:SELECT 1\n");
            send(socket, "INSERT 1");
            assertThatThrownBy(() -> readAnswer(socket)).isInstanceOf(IOException.class);
        }
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "INSERT 2")).isEqualTo("ok:INSERT 2\n");
        }
        assertThat(server.received).containsExactly("SELECT 1", "INSERT 2");
        assertThat(proxy.faultedRequests()).isEqualTo(1);
        assertThat(proxy.requests()).isEqualTo(3);
    }

    @Test
    void clearRestoresPassThroughAndCloseEndsOpenConnections() throws IOException {
        proxy.inject(Fault.stall());
        proxy.clear();
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "fine")).isEqualTo("ok:fine\n");
            proxy.close();
            // Refused, reset or ended: not an answer, and not a wait for the read timeout.
            Throwable thrown = catchThrowable(() -> roundTrip(socket, "after close"));
            assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
        }
        assertThat(server.received).containsExactly("fine");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Fault.drip(Direction.RESPONSE, 0, Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.cutAfter(Direction.REQUEST, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proxy.inject(Fault.reset(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultInjectingProxy.start("http://127.0.0.1/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.drip(Direction.RESPONSE, 1, Duration.ofSeconds(1))).hasToString("drip(RESPONSE, 1 bytes every 1000 ms)");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        // Long enough for a busy build machine; the stall tests wait this long for their timeout.
        socket.setSoTimeout(2000);
        return socket;
    }

    private static void send(Socket socket, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            answer.append((char) c);
            if (c == '\n') {
                return answer.toString();
            }
        }
        throw new IOException("end of stream after '" + answer + "'");
    }

    private static String roundTrip(Socket socket, String line) throws IOException {
        send(socket, line);
        return readAnswer(socket);
    }

    /** Answers each line with {@code ok:<line>}; records complete lines, and the bytes of a line cut short. */
    private static final class LineServer implements AutoCloseable {

        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> partial = new CopyOnWriteArrayList<>();
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        LineServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        Thread t = new Thread(() -> serve(s));
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(Socket s) {
            StringBuilder line = new StringBuilder();
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
                OutputStream out = s.getOutputStream();
                for (int c; (c = in.read()) >= 0; ) {
                    if (c == '\n') {
                        received.add(line.toString());
                        out.write(("ok:" + line + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            } catch (IOException e) {
                // The proxy reset the connection: what arrived so far is the partial line.
            }
            if (!line.isEmpty()) {
                partial.add(line.toString());
            }
        }

        String awaitPartial() throws InterruptedException {
            for (int i = 0; i < 100 && partial.isEmpty(); i++) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return partial.isEmpty() ? null : partial.get(0);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
