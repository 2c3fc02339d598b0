package io.chspring.test;

import io.chspring.client.ClickHouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One ClickHouse server of a {@link LocalClickHouseCluster}: its place in the cluster (shard, replica), its ports,
 * and its process, which a test can stop, kill and start again to see how a client copes with a node going away.
 * Its data directory survives {@link #stop()} and {@link #kill()}, so a restarted replica catches up with what
 * the other replica of its shard received meanwhile.
 */
public final class ClusterNode {

    private static final ClickHouseCredentials DEFAULT_USER = new ClickHouseCredentials("default", "");

    private final String name;
    private final int shard;
    private final int replica;
    private final int tcpPort;
    private final int interserverPort;
    private final LocalClickHouseServer server;
    private final Duration startTimeout;
    private volatile long killedAt;

    ClusterNode(String name, int shard, int replica, int tcpPort, int interserverPort, LocalClickHouseServer server,
            Duration startTimeout) {
        this.name = name;
        this.shard = shard;
        this.replica = replica;
        this.tcpPort = tcpPort;
        this.interserverPort = interserverPort;
        this.server = server;
        this.startTimeout = startTimeout;
    }

    /** {@code node1}, {@code node2}, ...: shard by shard, replica by replica. */
    public String name() {
        return name;
    }

    /** The shard number, from 1; the node's {@code {shard}} macro. */
    public int shard() {
        return shard;
    }

    /** The replica number within the shard, from 1. */
    public int replica() {
        return replica;
    }

    /** The node's {@code {replica}} macro: {@code r1}, {@code r2}, ... */
    public String replicaName() {
        return "r" + replica;
    }

    /** The HTTP port on 127.0.0.1. */
    public int httpPort() {
        return server.port();
    }

    /** The native protocol port on 127.0.0.1, which the other nodes use for distributed queries and DDL. */
    public int tcpPort() {
        return tcpPort;
    }

    /** The port replicas fetch parts from. */
    public int interserverPort() {
        return interserverPort;
    }

    /** {@code http://127.0.0.1:PORT}, without credentials and database; the user {@code default} has no password. */
    public String httpUrl() {
        return server.url();
    }

    /** The directory with the node's config, data and logs. */
    public Path directory() {
        return server.directory();
    }

    /** Whether the node's process is alive. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Starts the node (again) and returns once it answers and sees ZooKeeper. After {@link #kill()} it first waits
     * until the killed process's ZooKeeper session has expired (up to ~7 s after the kill): a replica started while
     * its old session's {@code is_active} node exists stays inactive (no fetches, no writes) and 18.16 tries again
     * only every 10 s, so it would lag for 10-20 s instead. It also sets the {@code force_restore_data} flag, as an
     * operator restarting a crashed replica does (see below).
     */
    public void start() {
        long killedAt = this.killedAt;
        if (killedAt != 0) {
            // ZooKeeper expires sessions in tick-sized buckets (1 s): two ticks of margin.
            long wait = killedAt + ClusterConfig.SESSION_TIMEOUT.toNanos() + 2_000_000_000L - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000 + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClickHouseException("interrupted while waiting for the ZooKeeper session of killed " + name + " to expire", e);
                }
            }
        }
        if (killedAt != 0) {
            forceRestoreData();
        }
        server.start();
        this.killedAt = 0;
        awaitZooKeeper();
    }

    /** Stops the node gracefully (SIGTERM); its data is kept for {@link #start()}. */
    public void stop() {
        server.stop();
    }

    /** Kills the node with SIGKILL, as a crash would; its data is kept for {@link #start()}. */
    public void kill() {
        if (server.isRunning()) {
            server.kill();
            killedAt = System.nanoTime();
        }
    }

    /**
     * Runs one statement on this node as {@code default} with the JDK's HTTP client (independent of the client under
     * test) and returns the body, TabSeparated unless the statement says otherwise.
     *
     * @throws ClickHouseException when the node answers with an error (its code is kept)
     */
    public String query(String sql) {
        return HttpSql.query(httpUrl(), DEFAULT_USER, null, sql);
    }

    /**
     * What an operator does after a replica crashed: a replica killed between writing a part to disk and recording it
     * in ZooKeeper finds an "unexpected" part at start-up, and 18.16 refuses to start when such parts hold more than
     * half of a table's rows ({@code replicated_max_ratio_of_wrong_parts}; seen with a kill right after a fetch). The
     * flag makes it detach them and fetch again; the server deletes the flag once it started.
     */
    private void forceRestoreData() {
        try {
            Path flags = Files.createDirectories(directory().resolve("data/flags"));
            Files.write(flags.resolve("force_restore_data"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the force_restore_data flag of " + name, e);
        }
    }

    void awaitZooKeeper() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (!LoopbackProbe.get(httpPort(), "SELECT count() > 0 FROM system.zookeeper WHERE path = '/'", 5000)
                .map(body -> body.strip().equals("1")).orElse(false)) {
            if (!server.isRunning()) {
                throw new ClickHouseException(name + " exited while connecting to ZooKeeper; logs in " + directory().resolve("log")
                        + "\n" + ServerReadiness.logTail(directory()));
            }
            if (System.nanoTime() > deadline) {
                throw new ClickHouseException(name + " does not see ZooKeeper after " + startTimeout.toSeconds() + " s; logs in "
                        + directory().resolve("log") + "\n" + ServerReadiness.logTail(directory()));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClickHouseException("interrupted while waiting for " + name + " to see ZooKeeper", e);
            }
        }
    }

    LocalClickHouseServer server() {
        return server;
    }

    @Override
    public String toString() {
        return name + " (shard " + shard + ", replica " + replicaName() + ", " + httpUrl() + ")";
    }
}
