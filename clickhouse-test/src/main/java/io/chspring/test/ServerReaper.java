package io.chspring.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One JVM shutdown hook that closes every local server still running, so that none outlives the JVM. */
final class ServerReaper {

    private static final Set<LocalClickHouseServer> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private ServerReaper() {
    }

    static void register(LocalClickHouseServer server) {
        installHook();
        LIVE.add(server);
    }

    static void unregister(LocalClickHouseServer server) {
        LIVE.remove(server);
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ServerReaper::closeAll, "chspring-clickhouse-reaper"));
            hookInstalled = true;
        }
    }

    private static void closeAll() {
        for (LocalClickHouseServer server : LIVE) {
            try {
                server.close();
            } catch (RuntimeException e) {
                // Last resort during JVM exit: report and go on with the other servers.
                System.err.println("chspring: could not stop ClickHouse server in " + server.directory() + ": " + e);
            }
        }
    }
}
