package io.chspring.test;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The memory-only chDB engine of a test run, reached through the client's {@code chdb:} URL scheme (served by
 * {@code clickhouse-embedded} when it is on the class path, found with {@link java.util.ServiceLoader}); the harness
 * does not depend on that module. chDB has no HTTP interface, so unlike the HTTP server this goes through the
 * chspring client. One per JVM (chDB runs one engine per process), in the root store, or the reason there is none.
 */
final class EmbeddedEngine implements AutoCloseable {

    static final String MEMORY_URL = "chdb::memory:";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedEngine.class);

    private final ClickHouseClient root;
    private final String version;
    private final String unavailable;
    private final boolean failWhenUnavailable;

    private EmbeddedEngine(ClickHouseClient root, String version, String unavailable, boolean failWhenUnavailable) {
        this.root = root;
        this.version = version;
        this.unavailable = unavailable;
        this.failWhenUnavailable = failWhenUnavailable;
    }

    /** The engine of this run; skips the caller (fails it when {@code CI=true}) when it is not available. */
    static EmbeddedEngine shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent("engine",
                key -> start("true".equalsIgnoreCase(System.getenv("CI"))), EmbeddedEngine.class).available();
    }

    /**
     * Opens the engine. A configuration error (module, library or signal chaining missing) makes it unavailable with
     * the fix in the message; anything else is an engine that is there but broken, which always fails.
     */
    static EmbeddedEngine start(boolean failWhenUnavailable) {
        ClickHouseClient client;
        try {
            client = ClickHouseClient.fromUrl(MEMORY_URL);
        } catch (ClickHouseConfigurationException e) {
            return new EmbeddedEngine(null, null, unavailableMessage(e.getMessage()), failWhenUnavailable);
        }
        try {
            String version = client.query("SELECT version()").fetchString("TabSeparated").strip();
            LoggerFactory.getLogger(EmbeddedEngine.class).info(
                    "Started embedded ClickHouse {} (chDB, in this JVM, in memory: no port, no data directory)", version);
            return new EmbeddedEngine(client, version, null, failWhenUnavailable);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    static String unavailableMessage(String cause) {
        return "The embedded chDB engine is not available: " + cause + ". To run the embedded invocations: put "
                + "io.chspring:clickhouse-embedded on the test class path, fetch libchdb.so with "
                + "clickhouse-embedded/fetch-libchdb.sh, and start the test JVM with LD_PRELOAD=$JAVA_HOME/lib/libjsig.so "
                + "(Maven Surefire: <environmentVariables><LD_PRELOAD>${java.home}/lib/libjsig.so</LD_PRELOAD>"
                + "</environmentVariables>)";
    }

    EmbeddedEngine available() {
        if (root == null) {
            if (failWhenUnavailable) {
                throw new ClickHouseException(unavailable + " (failing instead of skipping because CI=true)");
            }
            Assumptions.abort(unavailable);
        }
        return this;
    }

    String version() {
        return version;
    }

    /** Creates {@code chspring_<class name>_<random>}; closing the result drops it. */
    Database createDatabase(String className) {
        String name = TestDatabase.newName(className);
        root.execute("CREATE DATABASE " + name);
        return new Database(name);
    }

    @Override
    public void close() {
        if (root != null) {
            root.close();
        }
    }

    /** A database on the engine for one test class. */
    final class Database implements AutoCloseable {

        private final String name;
        private final ClickHouseClient client;

        private Database(String name) {
            this.name = name;
            this.client = root.withDatabase(name);
        }

        String name() {
            return name;
        }

        String query(String sql) {
            return client.query(sql).fetchString("TabSeparated");
        }

        @Override
        public void close() {
            root.execute("DROP DATABASE IF EXISTS " + name);
        }

        @Override
        public String toString() {
            return "test database " + name + " on chDB " + version;
        }
    }
}
