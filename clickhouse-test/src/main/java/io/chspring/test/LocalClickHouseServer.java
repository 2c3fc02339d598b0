package io.chspring.test;

import io.chspring.client.ClickHouseException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private ClickHouse server process for tests: its own config, data and logs in one directory, HTTP on
 * 127.0.0.1 only, users {@code default} (no password), {@code alice}/{@code secret} and {@code ro}/{@code ro}
 * (readonly), timezone UTC (or {@link Builder#timeZone}). {@link #stop()} then {@link #start()} reuses the port and
 * the data.
 *
 * <pre>{@code
 * try (LocalClickHouseServer server = LocalClickHouseServer.builder().build()) {
 *     server.start();
 *     ... server.url() ...
 * }
 * }</pre>
 */
public final class LocalClickHouseServer implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(LocalClickHouseServer.class);

    private final ServerBinary binary;
    private final Path directory;
    private final boolean ownsDirectory;
    private final boolean portChosen;
    private final Map<String, String> serverConfig;
    private final Map<String, String> profileSettings;
    private final String configXml;
    private final TestCertificates certificates;
    private final TlsClientAuth clientAuth;
    private final Duration startTimeout;

    private int port;
    private int httpsPort;
    private boolean startedOnce;
    private Process process;
    private String version;
    private boolean closed;

    private LocalClickHouseServer(Builder builder) {
        this.binary = builder.binary != null ? ServerBinary.at(builder.binary, "LocalClickHouseServer.binary(...)")
                : ServerBinary.find(System.getenv(), ServerBinary.WELL_KNOWN).orElseThrow(() -> new ClickHouseException(
                        "no ClickHouse server binary found (looked at " + ServerBinary.searchDescription(ServerBinary.WELL_KNOWN)
                                + "); install one with `apt-get install -y clickhouse-server` or set " + ServerBinary.ENV_BINARY));
        this.portChosen = builder.port == 0;
        this.port = portChosen ? FreePort.pick() : builder.port;
        this.ownsDirectory = builder.directory == null;
        try {
            this.directory = ownsDirectory ? Files.createTempDirectory("chspring-clickhouse-")
                    : Files.createDirectories(builder.directory).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the server directory", e);
        }
        this.serverConfig = Map.copyOf(builder.serverConfig);
        this.profileSettings = Map.copyOf(builder.profileSettings);
        this.configXml = builder.configXml.toString();
        this.certificates = builder.certificates;
        this.clientAuth = builder.clientAuth;
        this.httpsPort = certificates == null ? 0 : FreePort.pick();
        this.startTimeout = builder.startTimeout;
    }

    /** A builder; every option has a default (binary found automatically, free port, temporary directory). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the config, starts the server and returns once it answers {@code SELECT 1} over HTTP.
     *
     * @throws ClickHouseException when the process exits or does not answer within the start timeout; the
     *     message holds the tail of the server's error log
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("server in " + directory + " is closed");
        }
        if (isRunning()) {
            return;
        }
        // A port picked by binding port 0 can be taken by someone else before the server binds it: pick
        // another one, but only before the first successful start (a restart must keep the port).
        int attempts = portChosen && !startedOnce ? 3 : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                launch();
                startedOnce = true;
                return;
            } catch (PortTakenException e) {
                if (attempt >= attempts) {
                    throw new ClickHouseException(e.getMessage(), e);
                }
                port = FreePort.pick();
                if (certificates != null) {
                    httpsPort = FreePort.pick();
                }
            }
        }
    }

    private void launch() {
        ServerConfigFiles.write(directory, port, serverConfig, configXml + tlsConfig(), profileSettings);
        Path log = directory.resolve("log");
        ProcessBuilder pb = new ProcessBuilder(binary.command(directory.resolve("etc/config.xml"), directory.resolve("clickhouse.pid")))
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolve("stdout.log").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.resolve("stderr.log").toFile()));
        // Modern servers may fork a watchdog parent; without it the process we hold is the server itself.
        pb.environment().put("CLICKHOUSE_WATCHDOG_ENABLE", "0");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ClickHouseException("cannot run " + binary + ": " + e.getMessage(), e);
        }
        ServerReaper.register(this);
        ServerReadiness.await(this, process, startTimeout);
        if (certificates != null) {
            ServerReadiness.awaitListening(this, httpsPort, startTimeout);
        }
        version = LoopbackProbe.get(port, "SELECT version()", 10_000).map(String::strip).orElseThrow(
                () -> new ClickHouseException("ClickHouse server on " + url() + " answered SELECT 1 but not SELECT version()"));
        // which server a test run used is the first question when a test fails on one machine only
        LOG.info("Started ClickHouse {} on {} (port {}, data directory {}, pid {})", version, url(), port,
                directory, process.pid());
    }

    /**
     * The HTTPS listener and its {@code <openSSL>} section: the server's certificate and key, the CA that client
     * certificates must chain to (strict and relaxed only), no default CA file so that only the test CA counts.
     */
    private String tlsConfig() {
        if (certificates == null) {
            return "";
        }
        String ca = clientAuth == TlsClientAuth.NONE ? ""
                : "            <caConfig>" + ServerConfigFiles.escape(certificates.caPem().toString()) + "</caConfig>\n";
        return "    <https_port>" + httpsPort + "</https_port>\n"
                + "    <openSSL>\n        <server>\n"
                + "            <certificateFile>" + ServerConfigFiles.escape(certificates.serverCertificatePem().toString()) + "</certificateFile>\n"
                + "            <privateKeyFile>" + ServerConfigFiles.escape(certificates.serverKeyPem().toString()) + "</privateKeyFile>\n"
                + "            <dhParamsFile>" + ServerConfigFiles.escape(certificates.dhParamsPem().toString()) + "</dhParamsFile>\n"
                + "            <verificationMode>" + clientAuth.verificationMode() + "</verificationMode>\n"
                + ca
                + "            <loadDefaultCAFile>false</loadDefaultCAFile>\n"
                + "            <cacheSessions>true</cacheSessions>\n"
                + "            <disableProtocols>sslv2,sslv3</disableProtocols>\n"
                + "            <preferServerCiphers>true</preferServerCiphers>\n"
                + "        </server>\n    </openSSL>\n";
    }

    /** Thrown by {@link ServerReadiness} when the server died because its port was taken. */
    static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 15 s) and keeps its directory for a later {@link #start()}. */
    public synchronized void stop() {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        try {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the server with SIGKILL, as a crash or {@code kill -9} would, and waits until it is gone; keeps its
     * directory for a later {@link #start()}.
     */
    public synchronized void kill() {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ClickHouseException("ClickHouse server in " + directory + " survived SIGKILL for " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's process id while it runs. */
    synchronized OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    /** Whether the server process is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The HTTP port; fixed at build time (or at the first start, when a chosen free port was taken). */
    public synchronized int port() {
        return port;
    }

    /**
     * The HTTPS port, when the server was built with {@link Builder#https(TestCertificates, TlsClientAuth)}.
     *
     * @throws IllegalStateException when it has none
     */
    public synchronized int httpsPort() {
        if (certificates == null) {
            throw new IllegalStateException("server in " + directory + " has no HTTPS port: build it with https(...)");
        }
        return httpsPort;
    }

    /** {@code https://127.0.0.1:PORT}; also reachable as {@code https://localhost:PORT} with the default certificates. */
    public String httpsUrl() {
        return "https://127.0.0.1:" + httpsPort();
    }

    /** The certificates of the HTTPS port, when it has one. */
    public Optional<TestCertificates> certificates() {
        return Optional.ofNullable(certificates);
    }

    /** {@code http://127.0.0.1:PORT}, without credentials and database. */
    public synchronized String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The server's {@code SELECT version()}, known after the first {@link #start()}. */
    public synchronized String version() {
        if (version == null) {
            throw new IllegalStateException("server in " + directory + " has not been started");
        }
        return version;
    }

    /** The directory with {@code etc/}, {@code data/} and {@code log/}. */
    public Path directory() {
        return directory;
    }

    /** The path of the server binary in use. */
    public Path binary() {
        return binary.path();
    }

    /** Stops the server and deletes its directory when this object created it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        ServerReaper.unregister(this);
        if (ownsDirectory) {
            deleteTree(directory);
        }
    }

    /** Deletes a directory and all below it (a server's or a cluster's own temporary directory). */
    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    @Override
    public String toString() {
        return "LocalClickHouseServer[" + url() + ", " + directory + "]";
    }

    /** Options of a {@link LocalClickHouseServer}. */
    public static final class Builder {

        private Path binary;
        private int port;
        private Path directory;
        private final Map<String, String> serverConfig = new LinkedHashMap<>();
        private final Map<String, String> profileSettings = new LinkedHashMap<>();
        private final StringBuilder configXml = new StringBuilder();
        private TestCertificates certificates;
        private TlsClientAuth clientAuth;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The server binary; {@code clickhouse} runs as {@code clickhouse server}. Default: found automatically. */
        public Builder binary(Path binary) {
            this.binary = Objects.requireNonNull(binary, "binary");
            return this;
        }

        /** The HTTP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The directory for config, data and logs, kept after {@link #close()}. Default: a temporary one, deleted. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** A query setting for the {@code default} profile (used by users {@code default} and {@code alice}). */
        public Builder setting(String name, String value) {
            profileSettings.put(ServerConfigFiles.checkName(name), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A top-level server configuration element of {@code config.xml}, e.g. {@code max_concurrent_queries}. */
        public Builder serverConfig(String element, String value) {
            serverConfig.put(ServerConfigFiles.checkName(element), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The server's time zone ({@code <timezone>} in {@code config.xml}; UTC by default): the zone of DateTime
         * columns without one of their own, of text formats and date functions. A zone whose offset is not a whole
         * hour ({@code Asia/Kolkata}, +05:30) shows time-zone mistakes that UTC hides.
         */
        public Builder timeZone(ZoneId zone) {
            return serverConfig("timezone", Objects.requireNonNull(zone, "zone").getId());
        }

        /**
         * Raw XML elements appended inside the root element of {@code config.xml}, for sections with children
         * ({@code <remote_servers>}, {@code <zookeeper>}, {@code <macros>}, {@code <openSSL>}); may be called
         * more than once. Not checked: a fragment the server cannot parse fails {@link LocalClickHouseServer#start()}.
         */
        public Builder serverConfigXml(String fragment) {
            configXml.append(Objects.requireNonNull(fragment, "fragment"));
            if (!fragment.endsWith("\n")) {
                configXml.append('\n');
            }
            return this;
        }

        /**
         * Also serve HTTPS on a free port ({@link LocalClickHouseServer#httpsPort()}) with these certificates, asking
         * clients for certificates as {@code clientAuth} says. The plain HTTP port stays open for set-up and the
         * readiness probe.
         */
        public Builder https(TestCertificates certificates, TlsClientAuth clientAuth) {
            this.certificates = Objects.requireNonNull(certificates, "certificates");
            this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
            return this;
        }

        /** How long {@link #start()} waits for {@code SELECT 1}; default 60 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Picks the port and creates the directory; the server starts with {@link LocalClickHouseServer#start()}. */
        public LocalClickHouseServer build() {
            return new LocalClickHouseServer(this);
        }
    }
}
