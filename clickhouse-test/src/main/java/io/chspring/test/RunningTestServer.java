package io.chspring.test;

import java.net.URI;
import java.util.Optional;

/** The engine of a test run, whatever it came from; closing it stops what the harness started. */
final class RunningTestServer implements ClickHouseTestServer, AutoCloseable {

    private final String kind;
    private final URI base;
    private final String version;
    private final ClickHouseCredentials defaultUser;
    private final Optional<ClickHouseCredentials> passwordUser;
    private final Optional<ClickHouseCredentials> readonlyUser;
    private final Runnable onClose;

    /**
     * @param base scheme, host and port only
     * @param onClose what stops the engine; a no-op for servers the harness did not start
     */
    RunningTestServer(String kind, URI base, ClickHouseCredentials defaultUser, Optional<ClickHouseCredentials> passwordUser,
            Optional<ClickHouseCredentials> readonlyUser, Runnable onClose) {
        this.kind = kind;
        this.base = base;
        this.defaultUser = defaultUser;
        this.passwordUser = passwordUser;
        this.readonlyUser = readonlyUser;
        this.onClose = onClose;
        this.version = HttpSql.query(url(), defaultUser, null, "SELECT version()").strip();
    }

    @Override
    public String host() {
        return base.getHost();
    }

    @Override
    public int port() {
        return base.getPort();
    }

    @Override
    public String url() {
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public ClickHouseCredentials defaultUser() {
        return defaultUser;
    }

    @Override
    public Optional<ClickHouseCredentials> passwordUser() {
        return passwordUser;
    }

    @Override
    public Optional<ClickHouseCredentials> readonlyUser() {
        return readonlyUser;
    }

    @Override
    public String query(String sql) {
        return HttpSql.query(url(), defaultUser, null, sql);
    }

    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public String toString() {
        return "ClickHouse " + version + " (" + kind + ") at " + url();
    }
}
