package io.chspring.boot.autoconfigure;

import java.util.List;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the auto-configured client connects. By default backed by {@link ClickHouseProperties}; a bean of this
 * type (for example from a Testcontainers {@code @ServiceConnection}) replaces the properties' URL and credentials.
 *
 * <p>Spring Boot's own JDBC and R2DBC connection-details factories also match a {@code ClickHouseContainer}, so
 * name the type: {@code @ServiceConnection(type = ClickHouseConnectionDetails.class)}.
 */
public interface ClickHouseConnectionDetails extends ConnectionDetails {

    /** The server URL, {@code http(s)://host:port[,host:port...][/database][?options]}. */
    String getUrl();

    /**
     * The endpoints to spread requests over, {@code http(s)://host:port} each, instead of the URL's host(s); empty
     * (the default) to use the URL's.
     */
    default List<String> getEndpoints() {
        return List.of();
    }

    /** The user name, or {@code null} to keep the URL's (or the server's default user). */
    default String getUsername() {
        return null;
    }

    /** The password, or {@code null} to keep the URL's. */
    default String getPassword() {
        return null;
    }

    /** The default database, or {@code null} to keep the URL's (or the user's default database). */
    default String getDatabase() {
        return null;
    }
}
