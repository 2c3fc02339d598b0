package io.chspring.test;

import java.util.Map;

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

    /**
     * Like {@link #query(String)}, with ClickHouse settings sent alongside the statement (as URL parameters), for
     * example {@code Map.of("allow_experimental_low_cardinality_type", 1)} to create a {@code LowCardinality} table
     * on ClickHouse 18.16. A setting the server does not know fails the statement (code 115).
     *
     * @throws io.chspring.client.ClickHouseException when the server answers with an error (its code is kept)
     */
    String query(String sql, Map<String, ?> settings);
}
