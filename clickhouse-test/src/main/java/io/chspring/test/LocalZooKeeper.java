package io.chspring.test;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A standalone ZooKeeper for a {@link LocalClickHouseCluster}: the Debian package's {@code zookeeper.jar} run
 * with the JVM that runs the tests, its client port on 127.0.0.1 only, data in a directory of its own.
 */
final class LocalZooKeeper implements AutoCloseable {

    /** Environment variable naming the ZooKeeper server jar explicitly. */
    static final String ENV_JAR = "CLICKHOUSE_TEST_ZOOKEEPER_JAR";

    /** Debian's {@code zookeeper} package; its manifest's {@code Class-Path} names the other jars it needs. */
    static final Path DEBIAN_JAR = Path.of("/usr/share/java/zookeeper.jar");

    /** Optional logging binding; without it ZooKeeper logs nothing (SLF4J's no-op fallback), which is fine too. */
    private static final Path SLF4J_SIMPLE = Path.of("/usr/share/java/slf4j-simple.jar");

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path jar;
    private final Path directory;
    private final int port;
    private Process process;

    LocalZooKeeper(Path jar, Path directory, int port) {
        this.jar = jar;
        this.directory = directory;
        this.port = port;
    }

    /** The server jar: {@code CLICKHOUSE_TEST_ZOOKEEPER_JAR}, else Debian's; empty when neither exists. */
    static Optional<Path> findJar(Map<String, String> env) {
        String explicit = env.get(ENV_JAR);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isRegularFile(path)) {
                throw new ClickHouseConfigurationException(ENV_JAR + " points at " + path + ", which is not a file");
            }
            return Optional.of(path);
        }
        return Files.isRegularFile(DEBIAN_JAR) ? Optional.of(DEBIAN_JAR) : Optional.empty();
    }

    int port() {
        return port;
    }

    synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        Path data = directory.resolve("data");
        Path config = directory.resolve("zoo.cfg");
        try {
            Files.createDirectories(data);
            // admin.enableServer=false: otherwise ZooKeeper opens its AdminServer on 0.0.0.0:8080, which collides
            // between parallel clusters. srvr must be whitelisted for the readiness probe below.
            Files.writeString(config, String.join("\n",
                    "tickTime=1000",
                    "initLimit=10",
                    "syncLimit=5",
                    "dataDir=" + data.toAbsolutePath(),
                    "clientPort=" + port,
                    "clientPortAddress=127.0.0.1",
                    "maxClientCnxns=0",
                    "admin.enableServer=false",
                    "4lw.commands.whitelist=srvr,ruok,stat,mntr",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ZooKeeper config into " + directory, e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-Dzookeeper.admin.enableServer=false",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", jar + (Files.isRegularFile(SLF4J_SIMPLE) ? File.pathSeparator + SLF4J_SIMPLE : ""),
                "org.apache.zookeeper.server.ZooKeeperServerMain", config.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("zookeeper.log").toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ClickHouseException("cannot run ZooKeeper from " + jar + ": " + e.getMessage(), e);
        }
        ServerReaper.register(this);
        awaitReady(timeout);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // ruok answers imok as soon as the listener is up, before sessions are served: an 18.16 server whose first
        // session handshake fails that way was seen to crash (SIGSEGV in zkutil::ZooKeeper::createImpl) on its
        // next distributed DDL. srvr reports "Mode: standalone" only once requests are served.
        while (!fourLetterWord("srvr").contains("Mode: standalone")) {
            if (!process.isAlive()) {
                String message = "ZooKeeper (" + jar + ") exited with status " + process.exitValue() + " during start on port "
                        + port + "; log " + directory.resolve("zookeeper.log") + "\n" + logTail();
                process = null;
                if (message.contains("Address already in use")) {
                    throw new LocalClickHouseServer.PortTakenException(message);
                }
                throw new ClickHouseException(message);
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new ClickHouseException("ZooKeeper did not serve requests on 127.0.0.1:" + port + " within "
                        + timeout.toSeconds() + " s\n" + logTail());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw new ClickHouseException("interrupted while waiting for ZooKeeper to start", e);
            }
        }
    }

    private String fourLetterWord(String word) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
        } catch (IOException notYet) {
            return "";
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("zookeeper.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then SIGKILL after 10 s. */
    synchronized void stop() {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        try {
            p.destroy();
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        stop();
        ServerReaper.unregister(this);
    }

    @Override
    public String toString() {
        return "ZooKeeper[127.0.0.1:" + port + ", " + directory + "]";
    }
}
