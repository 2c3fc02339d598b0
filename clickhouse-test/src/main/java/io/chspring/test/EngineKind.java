package io.chspring.test;

/** The engines a {@link ClickHouseEngines} test class runs on. */
public enum EngineKind {

    /** The harness's HTTP server ({@link ClickHouseTestServer}: {@code CLICKHOUSE_URL}, Testcontainers or local). */
    HTTP("http"),

    /**
     * The in-process chDB engine of {@code clickhouse-embedded} (memory-only), reached with a
     * {@code chdb::memory:} URL; needs that module on the test class path, {@code libchdb.so} and a JVM started with
     * {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}.
     */
    EMBEDDED("chdb");

    private final String label;

    EngineKind(String label) {
        this.label = label;
    }

    /** A short name for display names and messages: {@code http} or {@code chdb}. */
    public String label() {
        return label;
    }
}
