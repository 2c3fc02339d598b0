package io.chspring.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One JVM shutdown hook that closes every local process the harness started (servers, ZooKeeper, clusters), so that none outlives the JVM. */
final class ServerReaper {

    // In registration order: a cluster registers before its nodes and its ZooKeeper, so it is closed first and
    // stops them in the order it needs (nodes, then ZooKeeper).
    private static final Set<AutoCloseable> LIVE = new LinkedHashSet<>();
    private static volatile boolean hookInstalled;

    private ServerReaper() {
    }

    static void register(AutoCloseable server) {
        installHook();
        synchronized (LIVE) {
            LIVE.add(server);
        }
    }

    static void unregister(AutoCloseable server) {
        synchronized (LIVE) {
            LIVE.remove(server);
        }
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ServerReaper::closeAll, "chspring-clickhouse-reaper"));
            hookInstalled = true;
        }
    }

    private static void closeAll() {
        List<AutoCloseable> live;
        synchronized (LIVE) {
            live = new ArrayList<>(LIVE);
        }
        for (AutoCloseable server : live) {
            try {
                server.close();
            } catch (Exception e) {
                // Last resort during JVM exit: report and go on with the other processes.
                System.err.println("chspring: could not stop " + server + ": " + e);
            }
        }
    }
}
