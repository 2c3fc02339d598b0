package io.chspring.test.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on {@code 127.0.0.1} (a free port) in front of one server, which passes bytes through until told to
 * break requests with a {@link Fault}: reset, stall, drip, cut after N bytes, or drop the response after the server
 * received the whole request. It knows no protocol; it only sees that a request begins when the client sends bytes
 * after the server answered (HTTP/1.1 without pipelining), so faults hit requests on pooled keep-alive connections
 * just like requests on new ones.
 *
 * <pre>{@code
 * try (FaultInjectingProxy proxy = FaultInjectingProxy.start("127.0.0.1", server.port());
 *      ClickHouseClient client = ClickHouseClient.builder().endpoint(proxy.url())
 *              .responseTimeout(Duration.ofSeconds(2)).build()) {
 *     client.query("SELECT 1").fetchString("TabSeparated");          // passes through
 *     proxy.inject(Fault.dropResponse(), "INSERT", 1);               // the next request naming INSERT
 *     ... the insert is stored, its answer lost; the client must fail or retry without doubling ...
 *     proxy.inject(Fault.stall());                                   // every request from now on
 *     ... the client must give up within its timeout ...
 *     proxy.clear();
 * }
 * }</pre>
 *
 * <p>Each connection uses two threads. {@link #close()} closes every connection.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger faultCount = new AtomicInteger();
    private volatile boolean closed;

    private Plan plan = Plan.NONE;

    /** What to do with the next requests: a fault, the requests it is for, and how many more it may break. */
    private record Plan(Fault fault, String requestContains, int remaining) {
        static final Plan NONE = new Plan(Fault.none(), null, 0);
        static final int UNLIMITED = -1;
    }

    private FaultInjectingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy to {@code host:port}, listening on a free port of 127.0.0.1. */
    public static FaultInjectingProxy start(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        try {
            return new FaultInjectingProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a free port of 127.0.0.1", e);
        }
    }

    /** Starts a proxy to the host and port of an {@code http://host:port} URL (path and credentials ignored). */
    public static FaultInjectingProxy start(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("need a URL with host and port, like http://127.0.0.1:8123: " + url);
        }
        return start(uri.getHost(), uri.getPort());
    }

    /** The port the proxy listens on (127.0.0.1). */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}: where to point a client instead of the server. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Breaks every request from now on with {@code fault}, until {@link #clear()} or another {@code inject}. */
    public synchronized void inject(Fault fault) {
        plan = new Plan(Objects.requireNonNull(fault, "fault"), null, Plan.UNLIMITED);
    }

    /** Breaks the next {@code requests} requests with {@code fault}, then passes requests through again. */
    public synchronized void inject(Fault fault, int requests) {
        inject(fault, null, requests);
    }

    /**
     * Breaks the next {@code requests} requests whose first packet (request line and headers, as the client sent
     * them, so URL-encoded) contains {@code requestContains}; other requests pass through.
     */
    public synchronized void inject(Fault fault, String requestContains, int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be positive: " + requests);
        }
        plan = new Plan(Objects.requireNonNull(fault, "fault"), requestContains, requests);
    }

    /** Passes everything through from the next request on (a request already broken stays broken). */
    public synchronized void clear() {
        plan = Plan.NONE;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connectionCount.get();
    }

    /** Requests seen so far (see the class description for how a request is recognised). */
    public int requests() {
        return requestCount.get();
    }

    /** Requests that got a fault other than {@link Fault#none()}. */
    public int faultedRequests() {
        return faultCount.get();
    }

    /** Called by a connection when a request begins, with its first packet. */
    synchronized Fault faultFor(byte[] head, int length) {
        requestCount.incrementAndGet();
        Plan p = plan;
        if (p.remaining() == 0 || p.fault().kind() == Fault.Kind.NONE) {
            return Fault.none();
        }
        if (p.requestContains() != null
                && !new String(head, 0, length, StandardCharsets.ISO_8859_1).contains(p.requestContains())) {
            return Fault.none();
        }
        if (p.remaining() > 0) {
            plan = p.remaining() == 1 ? Plan.NONE : new Plan(p.fault(), p.requestContains(), p.remaining() - 1);
        }
        faultCount.incrementAndGet();
        return p.fault();
    }

    void forget(ProxyConnection connection) {
        connections.remove(connection);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("fault proxy on port " + port() + " stopped accepting: " + e);
                }
                return;
            }
            int id = connectionCount.incrementAndGet();
            ProxyConnection connection = new ProxyConnection(this, id, client, target);
            connections.add(connection);
            if (closed) {
                connection.close();
                return;
            }
            connection.start();
        }
    }

    /** Stops listening and closes every connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing a listening socket only fails when it is already closed.
        }
        for (ProxyConnection connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    @Override
    public String toString() {
        return "FaultInjectingProxy[127.0.0.1:" + port() + " -> " + target.getHostString() + ":" + target.getPort() + "]";
    }
}
