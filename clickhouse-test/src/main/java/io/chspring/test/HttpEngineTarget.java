package io.chspring.test;

import org.junit.jupiter.api.extension.ExtensionContext;

/** The harness's HTTP server as an {@link EngineTarget}: the class database of {@link ClickHouseExtension}. */
final class HttpEngineTarget implements EngineTarget {

    private final ExtensionContext classContext;

    HttpEngineTarget(ExtensionContext classContext) {
        this.classContext = classContext;
    }

    /** Started (server) and created (database) on first use; skips or fails the invocation without a server. */
    private TestDatabase database0() {
        return ClickHouseExtension.database(classContext);
    }

    @Override
    public EngineKind kind() {
        return EngineKind.HTTP;
    }

    @Override
    public String url() {
        TestDatabase db = database0();
        return db.url(db.server().defaultUser());
    }

    @Override
    public String database() {
        return database0().name();
    }

    @Override
    public String version() {
        return database0().server().version();
    }

    @Override
    public String query(String sql) {
        return database0().query(sql);
    }

    @Override
    public String toString() {
        return EngineKind.HTTP.label();
    }
}
