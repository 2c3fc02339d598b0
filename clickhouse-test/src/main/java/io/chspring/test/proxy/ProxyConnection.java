package io.chspring.test.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/** One client connection and its connection to the server, pumped by two threads that apply the current fault. */
final class ProxyConnection {

    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final int BUFFER = 16 * 1024;

    private final FaultInjectingProxy proxy;
    private final int id;
    private final Socket client;
    private final InetSocketAddress target;
    private final Socket server = new Socket();

    // Written by the request pump when a request begins, read by both pumps.
    private volatile Fault fault = Fault.none();
    // True once the server sent bytes since the request began: the client's next bytes begin a new request.
    private volatile boolean answered = true;
    private volatile boolean closed;

    ProxyConnection(FaultInjectingProxy proxy, int id, Socket client, InetSocketAddress target) {
        this.proxy = proxy;
        this.id = id;
        this.client = client;
        this.target = target;
    }

    void start() {
        Thread up = new Thread(this::requests, "fault-proxy-" + proxy.port() + "-" + id + "-request");
        up.setDaemon(true);
        up.start();
    }

    private void requests() {
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            reset();
            return;
        }
        Thread down = new Thread(this::responses, "fault-proxy-" + proxy.port() + "-" + id + "-response");
        down.setDaemon(true);
        down.start();
        byte[] buffer = new byte[BUFFER];
        long sent = 0;
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (answered) {
                    answered = false;
                    fault = proxy.faultFor(buffer, n);
                    sent = 0;
                }
                Fault f = fault;
                switch (f.kind()) {
                    case RESET -> {
                        reset();
                        return;
                    }
                    case STALL -> {
                        continue;
                    }
                    case CUT -> {
                        if (f.affects(Direction.REQUEST) && sent + n > f.bytes()) {
                            out.write(buffer, 0, (int) (f.bytes() - sent));
                            out.flush();
                            reset();
                            return;
                        }
                        out.write(buffer, 0, n);
                    }
                    case DRIP -> {
                        if (f.affects(Direction.REQUEST)) {
                            drip(out, buffer, n, f);
                        } else {
                            out.write(buffer, 0, n);
                        }
                    }
                    default -> out.write(buffer, 0, n);
                }
                out.flush();
                sent += n;
            }
            server.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            close();
        }
    }

    private void responses() {
        byte[] buffer = new byte[BUFFER];
        long sent = 0;
        Fault current = null;
        try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Fault f = fault;
                if (f != current) {
                    current = f;
                    sent = 0;
                }
                switch (f.kind()) {
                    case STALL, STALL_RESPONSE -> {
                        continue;
                    }
                    case DROP_RESPONSE -> {
                        dropResponse(in);
                        return;
                    }
                    case CUT -> {
                        if (f.affects(Direction.RESPONSE) && sent + n > f.bytes()) {
                            out.write(buffer, 0, (int) (f.bytes() - sent));
                            out.flush();
                            reset();
                            return;
                        }
                        answered = true;
                        out.write(buffer, 0, n);
                    }
                    case DRIP -> {
                        answered = true;
                        if (f.affects(Direction.RESPONSE)) {
                            drip(out, buffer, n, f);
                        } else {
                            out.write(buffer, 0, n);
                        }
                    }
                    default -> {
                        // Before the client can read the answer and send its next request.
                        answered = true;
                        out.write(buffer, 0, n);
                    }
                }
                out.flush();
                sent += n;
            }
            client.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            close();
        }
    }

    /** The server answered, so it has the whole request (and committed an insert): reset the client, drain the server. */
    private void dropResponse(InputStream fromServer) throws IOException {
        resetSocket(client);
        server.setSoTimeout(2000);
        byte[] sink = new byte[BUFFER];
        try {
            while (fromServer.read(sink) >= 0) {
                // Let the server finish its answer as if the client had read it.
            }
        } catch (SocketTimeoutException idle) {
            // A keep-alive server says nothing more; enough.
        }
        close();
    }

    private static void drip(OutputStream out, byte[] buffer, int n, Fault f) throws IOException, InterruptedException {
        int step = (int) Math.min(f.bytes(), Integer.MAX_VALUE);
        for (int off = 0; off < n; off += step) {
            TimeUnit.NANOSECONDS.sleep(f.interval().toNanos());
            out.write(buffer, off, Math.min(step, n - off));
            out.flush();
        }
    }

    /** TCP RST on both sides: SO_LINGER 0, then close. */
    private void reset() {
        resetSocket(client);
        resetSocket(server);
        close();
    }

    private static void resetSocket(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            // The socket is closed right after; a plain close is the fallback.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.close();
        } catch (IOException e) {
            // Already closed.
        }
        try {
            server.close();
        } catch (IOException e) {
            // Already closed.
        }
        proxy.forget(this);
    }
}
