package io.chspring.test;

import io.chspring.client.ClickHouseException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes a real ClickHouse engine: one server per test run (JVM), shared by all classes, and a
 * fresh database per test class, dropped after it. Resolves {@link ClickHouseTestServer} and
 * {@link ClickHouseTestDatabase} parameters of constructors, lifecycle methods and test methods.
 *
 * <p>The server is {@code $CLICKHOUSE_URL} when set, else a Testcontainers ClickHouse container when
 * Testcontainers is on the class path and a Docker engine is reachable, else a {@link LocalClickHouseServer}.
 * Without any engine the test classes are skipped, or fail when {@code $CI} is {@code true}.
 */
public final class ClickHouseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClickHouseExtension.class);
    private static final String ENGINE = "engine";
    private static final String DATABASE = "database";

    /** Created by JUnit through {@code @ExtendWith} or {@link ClickHouseIntegrationTest}. */
    public ClickHouseExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Only the class that created the database drops it; nested classes share their outer class's one.
        TestDatabase database = context.getStore(NAMESPACE).remove(DATABASE, TestDatabase.class);
        if (database != null) {
            database.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == ClickHouseTestServer.class || type == ClickHouseTestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == ClickHouseTestServer.class ? server(extensionContext) : database(extensionContext);
    }

    private static ClickHouseTestServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(ENGINE,
                key -> Engine.select(EngineSelector.fromEnvironment(), "true".equalsIgnoreCase(System.getenv("CI"))), Engine.class).server();
    }

    /** The class database (created on first use in the class's store), also for {@link HttpEngineTarget}. */
    static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        // A store lookup also searches the enclosing contexts, so nested classes find their outer class's database.
        // The store closes the database at the end of the class even if afterAll is never reached.
        return classContext.getStore(NAMESPACE).computeIfAbsent(DATABASE,
                key -> TestDatabase.create(server(classContext), classContext.getRequiredTestClass().getSimpleName()),
                TestDatabase.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getElement().filter(Method.class::isInstance).isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** The shared engine of the run, or the reason there is none; stored in the root store, closed at the end. */
    static final class Engine implements AutoCloseable {

        private final RunningTestServer server;
        private final String unavailable;
        private final RuntimeException failure;
        private final boolean failWhenUnavailable;

        private Engine(RunningTestServer server, String unavailable, RuntimeException failure, boolean failWhenUnavailable) {
            this.server = server;
            this.unavailable = unavailable;
            this.failure = failure;
            this.failWhenUnavailable = failWhenUnavailable;
        }

        /**
         * @param failWhenUnavailable whether a missing engine fails the tests (on CI, where skipped integration
         *     tests would pass unnoticed) instead of skipping them
         */
        static Engine select(EngineSelector selector, boolean failWhenUnavailable) {
            try {
                EngineSelector.Selection selection = selector.select();
                return new Engine(selection.server(), selection.unavailable(), null, failWhenUnavailable);
            } catch (RuntimeException e) {
                // Remembered so that every test class reports it without trying to start a server again.
                return new Engine(null, null, e, failWhenUnavailable);
            }
        }

        RunningTestServer server() {
            if (failure != null) {
                throw new ClickHouseException("the ClickHouse engine for integration tests failed to start: " + failure.getMessage(), failure);
            }
            if (server == null) {
                if (failWhenUnavailable) {
                    throw new ClickHouseException(unavailable + " (failing instead of skipping because CI=true)");
                }
                Assumptions.abort(unavailable);
            }
            return server;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
