package io.chspring.test;

import java.util.Optional;

/**
 * The ClickHouse engine shared by every test class of a test run (one per JVM). Injected by
 * {@link ClickHouseExtension}; never stop it from a test, start your own {@link LocalClickHouseServer} instead.
 */
public interface ClickHouseTestServer {

    /** Host name or address of the HTTP interface, {@code 127.0.0.1} for local servers. */
    String host();

    /** Port of the HTTP interface. */
    int port();

    /** Base URL of the HTTP interface without credentials and without database, e.g. {@code http://127.0.0.1:40321}. */
    String url();

    /** The server's {@code SELECT version()}, e.g. {@code 18.16.1}. */
    String version();

    /** Where the engine comes from: {@code env} ({@code CLICKHOUSE_URL}), {@code testcontainers} or {@code local}. */
    String kind();

    /** A user with full access: {@code default} without password on local servers. */
    ClickHouseCredentials defaultUser();

    /** A user with a non-empty password ({@code alice}/{@code secret} on local servers), when the engine has one. */
    Optional<ClickHouseCredentials> passwordUser();

    /** A user with the {@code readonly=1} profile ({@code ro}/{@code ro} on local servers), when the engine has one. */
    Optional<ClickHouseCredentials> readonlyUser();

    /**
     * Runs one statement as {@link #defaultUser()} in the server's default database and returns the response
     * body (TabSeparated unless the statement says {@code FORMAT}); for test set-up, independent of the client
     * under test.
     *
     * @throws io.chspring.client.ClickHouseException when the server answers with an error (its code is kept)
     */
    String query(String sql);
}
