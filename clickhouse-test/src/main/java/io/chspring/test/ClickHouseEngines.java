package io.chspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test class once per engine (a JUnit {@link ParameterizedClass}): on the harness's HTTP server and on the
 * in-process chDB engine, each with a fresh database, handed to the class as an {@link EngineTarget} argument.
 *
 * <pre>{@code
 * @ClickHouseEngines
 * class OrdersIntegrationTests {
 *     private static ClickHouseClient client;
 *
 *     @Parameter
 *     EngineTarget engine;
 *
 *     @BeforeParameterizedClassInvocation
 *     static void connect(EngineTarget engine) {
 *         client = ClickHouseClient.fromUrl(engine.url());
 *     }
 *
 *     @AfterParameterizedClassInvocation
 *     static void disconnect() {
 *         client.close();
 *     }
 * }
 * }</pre>
 *
 * <p>The class must declare its one parameter, as a {@code @Parameter EngineTarget} field or a constructor parameter,
 * even when only lifecycle methods use it. {@code @BeforeAll}/{@code @AfterAll} run once around all invocations; per-engine set-up belongs in
 * {@code @BeforeParameterizedClassInvocation}/{@code @AfterParameterizedClassInvocation} methods. The embedded engine
 * needs {@code io.chspring:clickhouse-embedded} on the test class path, {@code libchdb.so}
 * ({@code clickhouse-embedded/fetch-libchdb.sh}) and the test JVM started with
 * {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}; without them its invocation is skipped, or fails when
 * {@code CI=true}. An HTTP server that is missing skips (or fails) only the HTTP invocation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ParameterizedClass(name = "[{index}] {0}")
@ArgumentsSource(EngineTargets.class)
public @interface ClickHouseEngines {

    /** The engines to run on, in this order; both by default. */
    EngineKind[] value() default {EngineKind.HTTP, EngineKind.EMBEDDED};
}
