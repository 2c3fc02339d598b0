package io.chspring.boot.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.testcontainers.clickhouse.ClickHouseContainer;

/**
 * No Docker engine runs on the build machines, so these tests cover the mapping from a container's coordinates to
 * connection details and the factory's registration; the container is never started.
 */
class ClickHouseContainerConnectionDetailsFactoryTests {

    @Test
    void mapsTheHttpEndpointAndCredentials() {
        ClickHouseContainer container = new UnstartedContainer("10.1.2.3", 49153).withUsername("app")
                .withPassword("pw").withDatabaseName("analytics");

        assertThat(ContainerMapping.url(container)).isEqualTo("http://10.1.2.3:49153");
        assertThat(ContainerMapping.database(container)).isEqualTo("analytics");
        assertThat(container.getUsername()).isEqualTo("app");
    }

    @Test
    void leavesTheDefaultDatabaseToTheServer() {
        assertThat(ContainerMapping.database(new UnstartedContainer("localhost", 8123))).isNull();
    }

    @Test
    void isRegisteredAsAConnectionDetailsFactory() {
        // Other modules' factories on the test class path need classes we lack; Boot skips them the same way.
        List<?> factories = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(ConnectionDetailsFactory.class, (type, name, failure) -> { });
        assertThat(factories).hasAtLeastOneElementOfType(ClickHouseContainerConnectionDetailsFactory.class);
    }

    /** A real container object whose Docker-backed host and port lookups answer fixed values. */
    private static final class UnstartedContainer extends ClickHouseContainer {

        private final String host;
        private final int port;

        UnstartedContainer(String host, int port) {
            super("clickhouse/clickhouse-server:24.8");
            this.host = host;
            this.port = port;
        }

        @Override
        public String getHost() {
            return host;
        }

        @Override
        public Integer getMappedPort(int originalPort) {
            assertThat(originalPort).isEqualTo(8123);
            return port;
        }
    }
}
