package io.chspring.test;

import io.chspring.client.ClickHouseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands test classes a {@link LocalClickHouseCluster}: one per test run (JVM), started on first use, shared by
 * every class, stopped when the run ends. Without a ClickHouse server binary or ZooKeeper the tests are skipped,
 * or fail when {@code $CI} is {@code true}. After each test every node a test stopped or killed is started again,
 * so the next test finds the whole cluster up.
 */
public final class ClickHouseClusterExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClickHouseClusterExtension.class);
    private static final String CLUSTER = "cluster";

    /** Created by JUnit through {@code @ExtendWith} or {@link ClickHouseClusterTest}. */
    public ClickHouseClusterExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalClickHouseCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return shared(extensionContext).cluster();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).get(CLUSTER, Shared.class);
        if (shared != null && shared.cluster != null) {
            shared.cluster.start();
        }
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(CLUSTER,
                key -> Shared.start(System.getenv(), "true".equalsIgnoreCase(System.getenv("CI"))), Shared.class);
    }

    /** The run's cluster, or why there is none; closed with the root store at the end of the run. */
    static final class Shared implements AutoCloseable {

        private final LocalClickHouseCluster cluster;
        private final String unavailable;
        private final RuntimeException failure;
        private final boolean failWhenUnavailable;

        private Shared(LocalClickHouseCluster cluster, String unavailable, RuntimeException failure, boolean failWhenUnavailable) {
            this.cluster = cluster;
            this.unavailable = unavailable;
            this.failure = failure;
            this.failWhenUnavailable = failWhenUnavailable;
        }

        static Shared start(Map<String, String> env, boolean failWhenUnavailable) {
            List<String> missing = new ArrayList<>();
            if (ServerBinary.find(env, ServerBinary.WELL_KNOWN).isEmpty()) {
                missing.add("no ClickHouse server binary (looked at " + ServerBinary.searchDescription(ServerBinary.WELL_KNOWN)
                        + "; install with `apt-get install -y clickhouse-server`)");
            }
            if (LocalZooKeeper.findJar(env).isEmpty()) {
                missing.add("no ZooKeeper (looked at $" + LocalZooKeeper.ENV_JAR + ", " + LocalZooKeeper.DEBIAN_JAR
                        + "; install with `apt-get install -y --no-install-recommends zookeeper`)");
            }
            if (!missing.isEmpty()) {
                return new Shared(null, "No ClickHouse cluster for integration tests: " + String.join("; ", missing), null,
                        failWhenUnavailable);
            }
            LocalClickHouseCluster cluster = LocalClickHouseCluster.builder().build();
            try {
                cluster.start();
                return new Shared(cluster, null, null, failWhenUnavailable);
            } catch (RuntimeException e) {
                cluster.close();
                // Remembered so that every test class reports it without trying to start a cluster again.
                return new Shared(null, null, e, failWhenUnavailable);
            }
        }

        LocalClickHouseCluster cluster() {
            if (failure != null) {
                throw new ClickHouseException("the ClickHouse cluster for integration tests failed to start: " + failure.getMessage(), failure);
            }
            if (cluster == null) {
                if (failWhenUnavailable) {
                    throw new ClickHouseException(unavailable + " (failing instead of skipping because CI=true)");
                }
                Assumptions.abort(unavailable);
            }
            return cluster;
        }

        @Override
        public void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
