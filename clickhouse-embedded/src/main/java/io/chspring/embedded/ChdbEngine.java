package io.chspring.embedded;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseTransportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one chDB engine of this JVM. chDB runs one data path per process: a connect with another path while a
 * connection is open returns NULL. So transports share the engine through {@link #acquire}, which counts them.
 *
 * <p>The engine holds an <i>anchor</i> connection for its whole life: closing the last connection shuts the engine
 * down, and chDB documents repeated shutdown/boot cycles in one process as unsafe. It therefore stays up after the
 * last transport closes (a memory engine keeps its tables until the JVM exits); only a request for another data path,
 * when no transport and no connection uses the engine, shuts it down and boots a new one.
 */
final class ChdbEngine {

    private static final Logger log = LoggerFactory.getLogger(ChdbEngine.class);
    private static final Object LOCK = new Object();
    /** How long the JVM exit waits for open clients to close before it shuts the engine down anyway. */
    static final String EXIT_WAIT_PROPERTY = "chspring.chdb.exit-wait-seconds";
    private static final long DEFAULT_EXIT_WAIT_SECONDS = 30;
    private static ChdbApi api;
    private static ChdbEngine current;

    private final ChdbApi lib;
    private final ChdbLocation location;
    private final Pointer anchor;
    private int transports;
    private int connections;
    private volatile Boolean arrowParallelEncoding;

    private ChdbEngine(ChdbApi lib, ChdbLocation location, Pointer anchor) {
        this.lib = lib;
        this.location = location;
        this.anchor = anchor;
    }

    /** The engine for {@code location}, booting it when needed; pair with {@link #release()}. */
    static ChdbEngine acquire(ChdbLocation location) {
        synchronized (LOCK) {
            if (current != null && !current.location.equals(location)) {
                if (current.transports > 0 || current.connections > 0) {
                    throw new ClickHouseConfigurationException("chDB already runs on " + current.location + " in this "
                            + "JVM and allows one data path per process; close every client of it before opening "
                            + location);
                }
                current.shutdown();
                current = null;
            }
            if (current == null) {
                current = boot(library(), location);
            }
            current.transports++;
            return current;
        }
    }

    /** Ends one {@link #acquire}; the engine stays up (see the class comment). Wakes a JVM exit waiting for it. */
    void release() {
        synchronized (LOCK) {
            transports--;
            LOCK.notifyAll();
        }
    }

    ChdbApi api() {
        return lib;
    }

    ChdbLocation location() {
        return location;
    }

    /** A new connection: its own session (SET, USE, temporary tables), about 0.2 ms to open. */
    ChdbConnection connect() {
        Pointer handle = lib.chdb_connect(location.argv().length, location.argv());
        if (handle == null) {
            throw new ClickHouseTransportException("chdb_connect failed for " + location);
        }
        synchronized (LOCK) {
            connections++;
        }
        return new ChdbConnection(this, handle);
    }

    /** Whether this chDB build has {@value ArrowEncoding#SETTING}; asked once, since older builds lack it. */
    boolean hasArrowParallelEncoding() {
        Boolean known = arrowParallelEncoding;
        if (known == null) {
            try (ChdbConnection connection = connect()) {
                known = !connection.text("SELECT name FROM system.settings WHERE name = '" + ArrowEncoding.SETTING
                        + "'", "chspring-settings-check").isBlank();
            }
            arrowParallelEncoding = known;
        }
        return known;
    }

    void closed(Pointer handle) {
        lib.chdb_close_conn(handle);
        synchronized (LOCK) {
            connections--;
            LOCK.notifyAll();
        }
    }

    private static ChdbEngine boot(ChdbApi lib, ChdbLocation location) {
        long start = System.nanoTime();
        Pointer anchor = lib.chdb_connect(location.argv().length, location.argv());
        if (anchor == null) {
            throw new ClickHouseConfigurationException("chDB could not open " + location + " (chdb_connect returned "
                    + "NULL): is the directory writable, and is no other process or chDB copy using it?");
        }
        log.info("chDB engine started on {} in {} ms", location, (System.nanoTime() - start) / 1_000_000);
        ChdbEngine engine = new ChdbEngine(lib, location, anchor);
        Runtime.getRuntime().addShutdownHook(new Thread(engine::shutdownAtExit, "chdb-shutdown"));
        return engine;
    }

    /**
     * Shuts the engine down before the JVM exits: left running, chDB's own exit-time teardown races the JVM's and
     * the VM thread dies with SIGSEGV (observed with 26.5, hs_err in pthread_sigmask), leaving its temp dir behind.
     * Connections still in use are left alone, since closing them under a running query would crash for sure.
     */
    private void shutdownAtExit() {
        long waitMillis = TimeUnit.SECONDS.toMillis(Long.getLong(EXIT_WAIT_PROPERTY, DEFAULT_EXIT_WAIT_SECONDS));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (LOCK) {
            // Shutdown hooks run concurrently: a Spring context closing in its own hook still flushes its Inserter
            // beans through clients of this engine, and closes those clients only afterwards. Shutting down first
            // left that last flush to an engine already shut down (chDB then silently booted again, a cycle it
            // documents as unsafe), so the engine waits for its clients; bounded, since a client never closed must
            // not hold the JVM's exit for long.
            if (current == this && (transports > 0 || connections > 0)) {
                log.info("JVM exit: waiting up to {} s for {} open client(s) of the chDB engine to close",
                        waitMillis / 1000, transports);
            }
            long left;
            while (current == this && (transports > 0 || connections > 0)
                    && (left = deadline - System.nanoTime()) > 0) {
                try {
                    LOCK.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (current == this && connections == 0) {
                if (transports > 0) {
                    log.warn("JVM exit: {} client(s) of the chDB engine were not closed within {} s ({}); shutting "
                            + "the engine down", transports, waitMillis / 1000, EXIT_WAIT_PROPERTY);
                }
                current = null;
                shutdown();
            }
        }
    }

    private void shutdown() {
        lib.chdb_close_conn(anchor);
        log.info("chDB engine on {} shut down", location);
    }

    /** Loads libchdb.so once per JVM, after checking that the JVM survives chDB's signal handlers. */
    private static ChdbApi library() {
        if (api == null) {
            SignalChaining.require();
            String home = System.getProperty("user.home");
            Optional<Path> file = ChdbLibraryLocator.locate(System.getenv(),
                    System.getProperty(ChdbLibraryLocator.PROPERTY), home);
            Map<String, Object> options = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");
            try {
                api = Native.load(file.map(Path::toString).orElse("chdb"), ChdbApi.class, options);
            } catch (UnsatisfiedLinkError e) {
                if (file.isPresent()) {
                    throw new ClickHouseConfigurationException("Loading " + file.get() + " failed: " + e.getMessage()
                            + ". " + ChdbLibraryLocator.FETCH_HINT, e);
                }
                throw ChdbLibraryLocator.notFound(home, e);
            }
        }
        return api;
    }

    /** The argv of {@code chdb_connect}: a program name, then {@code --path=...} unless memory-only. */
    static String[] argv(Path path) {
        List<String> args = new ArrayList<>();
        args.add("clickhouse");
        if (path != null) {
            args.add("--path=" + path);
        }
        return args.toArray(String[]::new);
    }
}
