package io.chspring.boot.autoconfigure.docker;

import io.chspring.boot.autoconfigure.ClickHouseConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * Creates {@link ClickHouseConnectionDetails} for a {@code clickhouse/clickhouse-server} service of the application's
 * {@code compose.yaml} (or any image labelled {@code org.springframework.boot.service-connection: clickhouse}): the
 * HTTP port 8123 as the host maps it, and the user, password and database from the container's environment.
 * Spring Boot's own JDBC and R2DBC factories match that image too; each gives its own kind of connection details.
 */
class ClickHouseDockerComposeConnectionDetailsFactory
        extends DockerComposeConnectionDetailsFactory<ClickHouseConnectionDetails> {

    /** The port of ClickHouse's HTTP interface inside the container. */
    static final int HTTP_PORT = 8123;

    ClickHouseDockerComposeConnectionDetailsFactory() {
        super(new String[] {"clickhouse/clickhouse-server", "clickhouse"}, "io.chspring.client.ClickHouseClient");
    }

    @Override
    protected ClickHouseConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
        return new ClickHouseComposeConnectionDetails(source.getRunningService());
    }

    /** The details of one running service, read when the factory runs. */
    static final class ClickHouseComposeConnectionDetails implements ClickHouseConnectionDetails {

        private final String url;
        private final ClickHouseComposeEnvironment environment;

        ClickHouseComposeConnectionDetails(RunningService service) {
            this.url = "http://" + service.host() + ":" + service.ports().get(HTTP_PORT);
            this.environment = new ClickHouseComposeEnvironment(service.env());
        }

        @Override
        public String getUrl() {
            return url;
        }

        @Override
        public String getUsername() {
            return environment.username();
        }

        @Override
        public @Nullable String getPassword() {
            return environment.password();
        }

        @Override
        public @Nullable String getDatabase() {
            return environment.database();
        }

        @Override
        public String toString() {
            // never the password
            return "ClickHouseComposeConnectionDetails[" + url + ", user " + environment.username() + "]";
        }
    }
}
