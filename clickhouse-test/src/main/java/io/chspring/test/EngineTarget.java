package io.chspring.test;

/**
 * One engine a {@link ClickHouseEngines} test class runs on, with a fresh database of the class's own. It is the
 * argument of each invocation of the class: inject it into a {@code @Parameter} field, the constructor, or
 * {@code @BeforeParameterizedClassInvocation} methods.
 *
 * <p>The engine and the database are set up on first use, inside the invocation: an engine that is not available
 * skips that invocation (and fails it when {@code CI=true}), leaving the other engines' invocations to run.
 */
public interface EngineTarget {

    /** Which engine this is. */
    EngineKind kind();

    /**
     * The client URL of this target's database: for {@link EngineKind#HTTP} the class database with the default
     * user's credentials ({@code http://default:@127.0.0.1:40321/chspring_x_1a2b3c4d}); for
     * {@link EngineKind#EMBEDDED} {@code chdb::memory:?database=chspring_x_1a2b3c4d}. Append further URL keys with
     * {@code &}. Contains the password of the HTTP server's default user: do not log it.
     */
    String url();

    /** The name of this target's database, created for the test class and dropped after it. */
    String database();

    /** The engine's {@code SELECT version()}, e.g. {@code 18.16.1} or {@code 26.5.3.1}. */
    String version();

    /**
     * Runs one statement in this target's database and returns the TabSeparated result (empty for statements without
     * one); for test set-up. On HTTP it goes through the JDK's HTTP client, independent of the client under test; on
     * the embedded engine, which has no other way in, through the chspring client's {@code chdb:} transport.
     *
     * @throws io.chspring.client.ClickHouseException when the engine answers with an error (its code is kept)
     */
    String query(String sql);

    /** Whether this is the {@link EngineKind#HTTP} engine. */
    default boolean isHttp() {
        return kind() == EngineKind.HTTP;
    }

    /** Whether this is the {@link EngineKind#EMBEDDED} engine. */
    default boolean isEmbedded() {
        return kind() == EngineKind.EMBEDDED;
    }

    /**
     * Skips the calling test (or lifecycle method) unless this is the {@code kind} engine, with {@code why} in the
     * report: for tests of behaviour that only one engine has.
     */
    default void assumeKind(EngineKind kind, String why) {
        org.junit.jupiter.api.Assumptions.assumeTrue(kind() == kind,
                () -> "runs on " + kind.label() + " only, not " + kind().label() + ": " + why);
    }
}
