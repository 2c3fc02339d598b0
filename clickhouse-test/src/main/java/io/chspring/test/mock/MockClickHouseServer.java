package io.chspring.test.mock;

import com.sun.net.httpserver.HttpServer;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ServerVersion;
import io.chspring.client.mapping.TableColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process HTTP server on 127.0.0.1 that answers the chspring client like a modern ClickHouse server would,
 * from a FIFO queue of {@link Handlers handlers}: each request consumes the next one. For unit tests of code that
 * uses the client, and for server behaviour a local engine cannot show (modern response headers, chosen failures).
 *
 * <pre>{@code
 * try (MockClickHouseServer mock = MockClickHouseServer.start();
 *      ClickHouseClient client = ClickHouseClient.fromUrl(mock.url())) {
 *     mock.add(Handlers.provide(Event.class, List.of(e1, e2)));
 *     assertThat(client.query("SELECT ?fields FROM events").fetchAll(Event.class)).containsExactly(e1, e2);
 * }   // close() fails the test when a handler was left unused or a request found none
 * }</pre>
 *
 * <p>Answered without consuming a handler: {@code SELECT version()} (the client asks it once per transport), with
 * the {@link #start(String) configured version}; {@code DESCRIBE TABLE t} when {@link #table} registered t or the
 * next handler is a {@link Handlers#record(Class) record} handler (its row class gives the columns); and
 * {@code DESCRIBE (query)}, which the client sends before a typed read from servers older than 19.3 (the first read of
 * each query text; later ones send the query wrapped in a check of the known columns, which a handler answers like
 * the query itself), when the next handler is a {@link Handlers#provide provide} handler. Any other DESCRIBE consumes a handler like any request.
 *
 * <p>As a JUnit 5 extension, register it in a static field: after each test it runs {@link #verify()} and
 * {@link #reset()}, after all tests it closes.
 * <pre>{@code @RegisterExtension static final MockClickHouseServer mock = MockClickHouseServer.start();}</pre>
 */
public final class MockClickHouseServer implements AutoCloseable, AfterEachCallback, AfterAllCallback {

    /** The version reported by default: a current release, so the client uses every modern feature. */
    public static final String DEFAULT_VERSION = "26.5.1.1";

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String version;
    private final MockState state = new MockState();
    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;
    private boolean closed;

    private MockClickHouseServer(String version) throws IOException {
        this.version = version;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "chspring-mock-clickhouse-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new Router(state, () -> this.version));
        server.start();
        this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts a mock reporting {@link #DEFAULT_VERSION}. */
    public static MockClickHouseServer start() {
        return start(DEFAULT_VERSION);
    }

    /**
     * Starts a mock reporting {@code version} to {@code SELECT version()}; the client chooses its features by it (an
     * {@code 18.16.1} mock gets plain RowBinary reads with a DESCRIBE first, and no response compression).
     *
     * @throws ClickHouseConfigurationException when {@code version} is not a ClickHouse version
     */
    public static MockClickHouseServer start(String version) {
        ServerVersion.parse(Objects.requireNonNull(version, "version"));
        try {
            return new MockClickHouseServer(version.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start MockClickHouseServer on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, for {@code ClickHouseClient.fromUrl(mock.url())} or {@code clickhouse.url}. */
    public String url() {
        return url;
    }

    /** The port, chosen by the system when the mock started. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The version the mock reports. */
    public String version() {
        return version;
    }

    /**
     * Sets the time zone the mock reports to {@code SELECT timezone()} (with the version; UTC by default): the zone the
     * client gives DateTime columns without one. It is only reported; the mock converts nothing.
     */
    public MockClickHouseServer timeZone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("time zone is blank");
        }
        state.timeZone(zone.strip());
        return this;
    }

    /**
     * Queues {@code handler} for the next request not yet claimed and returns its control: a {@link RequestHandle},
     * or a {@link RecordHandle} for {@link Handlers#record(Class)}.
     *
     * @throws io.chspring.client.ClickHouseConfigurationException when a column type cannot be inferred or does not
     *     parse, naming the column
     * @throws IllegalStateException when the handler was added before or the mock is closed
     */
    public <C> C add(MockHandler<C> handler) {
        Objects.requireNonNull(handler, "handler");
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("MockClickHouseServer at " + url + " is closed");
            }
        }
        C control = handler.addTo();
        state.add(handler);
        return control;
    }

    /**
     * Registers the schema {@code DESCRIBE TABLE name} is answered with, for inserts whose columns the record handler
     * cannot give, and the mock decodes recorded rows with it; {@code columns} are column definitions such as
     * {@code "amount Decimal(18, 2)"} or {@code "note String DEFAULT ''"} (a DEFAULT, MATERIALIZED, ALIAS or EPHEMERAL
     * kind is kept; its expression is not evaluated). A table stays registered across {@link #reset()}.
     */
    public MockClickHouseServer table(String name, String... columns) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("table name is blank");
        }
        List<TableColumn> list = new ArrayList<>();
        for (String column : columns) {
            list.add(ColumnDefinition.parse(name, column));
        }
        state.table(name, List.copyOf(list));
        return this;
    }

    /** The statements received so far (the latest {@value MockState#LOG_SIZE}), version and DESCRIBE included. */
    public List<String> statements() {
        return state.statements();
    }

    /**
     * Fails when a handler was left unused, a request found no handler, or a handler could not serve its request
     * (a wrong format, rows that do not decode, ...).
     *
     * @throws AssertionError listing every problem
     */
    public void verify() {
        List<String> problems = state.problems();
        if (!problems.isEmpty()) {
            throw new AssertionError("MockClickHouseServer at " + url + " found " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Drops queued handlers, remembered problems and the statement log; registered tables stay. */
    public void reset() {
        state.reset();
    }

    /** Stops the server, then {@link #verify() verifies}. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.stop(0);
        executor.shutdownNow();
        verify();
    }

    /** Verifies, then resets for the next test. */
    @Override
    public void afterEach(ExtensionContext context) {
        try {
            verify();
        } finally {
            reset();
        }
    }

    /** Closes the mock. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public String toString() {
        return "MockClickHouseServer[" + url + ", version " + version + "]";
    }
}
