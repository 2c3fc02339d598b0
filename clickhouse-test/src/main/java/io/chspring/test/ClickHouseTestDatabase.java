package io.chspring.test;

/**
 * A database created for one test class (shared by its nested classes) and dropped after it. Injected by
 * {@link ClickHouseExtension}.
 */
public interface ClickHouseTestDatabase {

    /** The server the database lives on. */
    ClickHouseTestServer server();

    /** The database name, e.g. {@code chspring_myrepositoryintegrationtests_1a2b3c4d}. */
    String name();

    /**
     * The client URL of this database without credentials: {@code server().url() + "/" + name()}, e.g.
     * {@code http://127.0.0.1:40321/chspring_x_1a2b3c4d}. Use {@link #url(ClickHouseCredentials)} when the
     * server's default user has a password.
     */
    String url();

    /**
     * The client URL of this database with credentials, {@code http://user:password@host:port/name}; user and
     * password are percent-encoded. The result contains the password: do not log it.
     */
    String url(ClickHouseCredentials credentials);

    /**
     * Runs one statement as the server's default user with this database as the current database and returns
     * the response body (TabSeparated unless the statement says {@code FORMAT}).
     *
     * @throws io.chspring.client.ClickHouseException when the server answers with an error (its code is kept)
     */
    String query(String sql);
}
