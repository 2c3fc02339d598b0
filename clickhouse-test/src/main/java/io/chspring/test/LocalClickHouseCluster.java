package io.chspring.test;

import io.chspring.client.ClickHouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real replicated and sharded ClickHouse cluster on this machine: one standalone ZooKeeper and
 * {@code shards x replicas} (default 2 x 2) private ClickHouse servers forming the cluster {@code c}, with
 * {@code internal_replication=true}, the macros {@code {cluster}}, {@code {shard}} (1, 2, ...) and {@code {replica}}
 * (r1, r2, ...), and distributed DDL. Every port is a free loopback port, so clusters of several test JVMs run
 * side by side; everything lives in one temporary directory, deleted by {@link #close()}.
 *
 * <pre>{@code
 * try (LocalClickHouseCluster cluster = LocalClickHouseCluster.builder().build()) {
 *     cluster.start();                        // ~1-2 s for 18.16
 *     cluster.node(1, 1).query("CREATE TABLE t ON CLUSTER c (id UInt64) ENGINE = "
 *             + "ReplicatedMergeTree('/clickhouse/tables/{shard}/t', '{replica}') ORDER BY id");
 *     cluster.node(1, 2).kill();              // SIGKILL one replica, data kept
 *     cluster.node(1, 2).start();             // it catches up from its twin
 * }
 * }</pre>
 *
 * <p>The configuration follows what a cluster of several servers on one host needs (see each element's comment
 * in {@link ClusterConfig}); JUnit tests get a shared one with {@link ClickHouseClusterTest}.
 */
public final class LocalClickHouseCluster implements AutoCloseable {

    /** The cluster's name in {@code remote_servers}, for {@code ON CLUSTER c} and {@code Distributed(c, ...)}. */
    public static final String DEFAULT_NAME = "c";

    private static final int PORT_ATTEMPTS = 3;

    private final ServerBinary binary;
    private final Path zooKeeperJar;
    private final String name;
    private final int shards;
    private final int replicas;
    private final Duration startTimeout;
    private final Path directory;
    private final boolean ownsDirectory;

    private LocalZooKeeper zooKeeper;
    private List<ClusterNode> nodes = List.of();
    private boolean startedOnce;
    private boolean closed;

    private LocalClickHouseCluster(Builder builder) {
        this.binary = builder.binary != null ? ServerBinary.at(builder.binary, "LocalClickHouseCluster.binary(...)")
                : ServerBinary.find(System.getenv(), ServerBinary.WELL_KNOWN).orElseThrow(() -> new ClickHouseException(
                        "no ClickHouse server binary found (looked at " + ServerBinary.searchDescription(ServerBinary.WELL_KNOWN)
                                + "); install one with `apt-get install -y clickhouse-server` or set " + ServerBinary.ENV_BINARY));
        this.zooKeeperJar = builder.zooKeeperJar != null ? builder.zooKeeperJar
                : LocalZooKeeper.findJar(System.getenv()).orElseThrow(() -> new ClickHouseException(
                        "no ZooKeeper found (looked at $" + LocalZooKeeper.ENV_JAR + ", " + LocalZooKeeper.DEBIAN_JAR
                                + "); install it with `apt-get install -y --no-install-recommends zookeeper`"));
        this.name = builder.name;
        this.shards = builder.shards;
        this.replicas = builder.replicas;
        this.startTimeout = builder.startTimeout;
        this.ownsDirectory = builder.directory == null;
        try {
            this.directory = ownsDirectory ? Files.createTempDirectory("chspring-cluster-")
                    : Files.createDirectories(builder.directory).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cluster directory", e);
        }
    }

    /** A builder; every option has a default (2 shards x 2 replicas named {@code c}, binaries found automatically). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts ZooKeeper, then every node in parallel, and returns once every node answers and sees ZooKeeper. After
     * a {@link #stop()} it starts the stopped processes again with their ports and data.
     *
     * @throws ClickHouseException when a process exits or does not get ready in time; the message holds its log's tail
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("cluster in " + directory + " is closed");
        }
        ServerReaper.register(this);
        // Ports come from binding port 0 and are free only at that moment: before the first successful start,
        // a port someone else took in between gets the whole cluster new ports (they are in every node's config).
        int attempts = startedOnce ? 1 : PORT_ATTEMPTS;
        for (int attempt = 1; ; attempt++) {
            if (!startedOnce) {
                layOut();
            }
            try {
                zooKeeper.start(startTimeout);
                forEachNode(node -> {
                    if (!node.isRunning()) {
                        node.start();
                    }
                });
                forEachNode(ClusterNode::awaitZooKeeper);
                startedOnce = true;
                return;
            } catch (RuntimeException e) {
                stopProcesses();
                if (attempt >= attempts || !portTaken(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LocalClickHouseServer.PortTakenException) {
                return true;
            }
        }
        return false;
    }

    /** Picks fresh ports and builds the ZooKeeper and node objects (no process yet). */
    private void layOut() {
        for (ClusterNode node : nodes) {
            node.server().close();
        }
        Set<Integer> taken = new HashSet<>();
        int zooKeeperPort = freePort(taken);
        zooKeeper = new LocalZooKeeper(zooKeeperJar, mkdirs(directory.resolve("zookeeper")), zooKeeperPort);
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < shards * replicas; i++) {
            ports.add(new int[] {freePort(taken), freePort(taken), freePort(taken)});
        }
        ClusterConfig config = new ClusterConfig(name, shards, replicas, zooKeeperPort, ports.stream().map(p -> p[1]).toList());
        List<ClusterNode> built = new ArrayList<>();
        for (int i = 0; i < shards * replicas; i++) {
            int shard = i / replicas + 1;
            int replica = i % replicas + 1;
            int[] p = ports.get(i);
            String nodeName = "node" + (i + 1);
            LocalClickHouseServer server = LocalClickHouseServer.builder()
                    .binary(binary.path())
                    .port(p[0])
                    .directory(directory.resolve(nodeName))
                    .serverConfig("tcp_port", Integer.toString(p[1]))
                    .serverConfig("interserver_http_port", Integer.toString(p[2]))
                    // Replicas fetch parts from http://<interserver_http_host>:<interserver_http_port>; without it
                    // a node announces `hostname -f`, which need not resolve to this loopback listener.
                    .serverConfig("interserver_http_host", "127.0.0.1")
                    // An idle native connection notices its server shutting down only every poll_interval
                    // seconds (default 10): the other nodes' pooled connections made every stop take ~10 s.
                    .setting("poll_interval", "1")
                    .serverConfigXml(config.fragment(shard, replica))
                    .startTimeout(startTimeout)
                    .build();
            built.add(new ClusterNode(nodeName, shard, replica, p[1], p[2], server, startTimeout));
        }
        nodes = List.copyOf(built);
    }

    private static int freePort(Set<Integer> taken) {
        for (int i = 0; i < 100; i++) {
            int port = FreePort.pick();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("the kernel keeps handing out ports already chosen for this cluster: " + taken);
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Runs an action on every node in parallel (each node takes a few hundred ms to start or stop) and waits for all. */
    private void forEachNode(Consumer<ClusterNode> action) {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size(), r -> {
            Thread t = new Thread(r, "chspring-cluster-node");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ClusterNode node : nodes) {
                futures.add(pool.submit(() -> action.accept(node)));
            }
            RuntimeException failure = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new ClickHouseException(e.getCause().toString(), e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClickHouseException("interrupted while starting or stopping the cluster", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Stops every node (in parallel), then ZooKeeper; data and ports are kept for {@link #start()}. */
    public synchronized void stop() {
        stopProcesses();
    }

    private void stopProcesses() {
        if (!nodes.isEmpty()) {
            forEachNode(ClusterNode::stop);
        }
        if (zooKeeper != null) {
            zooKeeper.stop();
        }
    }

    /** The cluster's name in {@code remote_servers}: {@code c} unless the builder chose another. */
    public String name() {
        return name;
    }

    /** Every node, shard by shard and replica by replica: node1 = shard 1 replica 1, node2 = shard 1 replica 2, ... */
    public synchronized List<ClusterNode> nodes() {
        requireLaidOut();
        return nodes;
    }

    /** The node of a shard and replica, both counted from 1. */
    public synchronized ClusterNode node(int shard, int replica) {
        requireLaidOut();
        if (shard < 1 || shard > shards || replica < 1 || replica > replicas) {
            throw new IllegalArgumentException("no node for shard " + shard + ", replica " + replica + " in a cluster of "
                    + shards + " shards x " + replicas + " replicas");
        }
        return nodes.get((shard - 1) * replicas + replica - 1);
    }

    /** The HTTP URL of a node, {@code http://127.0.0.1:PORT}; same as {@link ClusterNode#httpUrl()}. */
    public String httpUrl(ClusterNode node) {
        return node.httpUrl();
    }

    /** The HTTP URLs of every node, in {@link #nodes()} order. */
    public List<String> httpUrls() {
        return nodes().stream().map(ClusterNode::httpUrl).toList();
    }

    /** The ZooKeeper client port on 127.0.0.1. */
    public synchronized int zooKeeperPort() {
        requireLaidOut();
        return zooKeeper.port();
    }

    public int shards() {
        return shards;
    }

    public int replicas() {
        return replicas;
    }

    /** The directory holding {@code zookeeper/} and one directory per node. */
    public Path directory() {
        return directory;
    }

    private void requireLaidOut() {
        if (!startedOnce) {
            throw new IllegalStateException("cluster in " + directory + " has not been started");
        }
    }

    /** Stops everything and deletes the directory when this object created it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopProcesses();
        } finally {
            for (ClusterNode node : nodes) {
                node.server().close();
            }
            if (zooKeeper != null) {
                zooKeeper.close();
            }
            ServerReaper.unregister(this);
            if (ownsDirectory) {
                deleteTree(directory);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    @Override
    public String toString() {
        return "LocalClickHouseCluster[" + name + ", " + shards + " shards x " + replicas + " replicas, " + directory + "]";
    }

    /** Options of a {@link LocalClickHouseCluster}. */
    public static final class Builder {

        private Path binary;
        private Path zooKeeperJar;
        private Path directory;
        private String name = DEFAULT_NAME;
        private int shards = 2;
        private int replicas = 2;
        private Duration startTimeout = Duration.ofSeconds(90);

        private Builder() {
        }

        /** The ClickHouse server binary. Default: found as for {@link LocalClickHouseServer}. */
        public Builder binary(Path binary) {
            this.binary = Objects.requireNonNull(binary, "binary");
            return this;
        }

        /**
         * ZooKeeper's server jar, run with this JVM's {@code java}; its manifest must name its dependencies.
         * Default: {@code $CLICKHOUSE_TEST_ZOOKEEPER_JAR}, else {@code /usr/share/java/zookeeper.jar} (Debian's
         * {@code zookeeper} package).
         */
        public Builder zooKeeperJar(Path jar) {
            this.zooKeeperJar = Objects.requireNonNull(jar, "jar");
            return this;
        }

        /** The directory for ZooKeeper's and the nodes' files, kept after {@link #close()}. Default: a temporary one, deleted. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The cluster's name; default {@code c}. */
        public Builder name(String name) {
            this.name = ServerConfigFiles.checkName(name);
            return this;
        }

        /** Number of shards (1..10); default 2. */
        public Builder shards(int shards) {
            this.shards = checkCount("shards", shards);
            return this;
        }

        /** Number of replicas per shard (1..10); default 2. */
        public Builder replicas(int replicas) {
            this.replicas = checkCount("replicas", replicas);
            return this;
        }

        private static int checkCount(String what, int n) {
            if (n < 1 || n > 10) {
                throw new IllegalArgumentException(what + " must be 1..10: " + n);
            }
            return n;
        }

        /** How long each process may take to get ready; default 90 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Finds the binaries and creates the directory; nothing runs until {@link LocalClickHouseCluster#start()}. */
        public LocalClickHouseCluster build() {
            return new LocalClickHouseCluster(this);
        }
    }
}
