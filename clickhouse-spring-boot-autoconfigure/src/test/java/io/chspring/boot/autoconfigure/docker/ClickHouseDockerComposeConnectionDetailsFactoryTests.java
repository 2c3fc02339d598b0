package io.chspring.boot.autoconfigure.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseConnectionDetails;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * No Docker engine runs on the build machines, so, as Spring Boot's own unit tests of its Compose support do, these
 * tests hand the factory a {@link RunningService} stand-in (what Boot builds from {@code docker compose ps} and
 * {@code docker inspect}) and check the connection details it makes; {@code docker compose up} itself is not run.
 */
class ClickHouseDockerComposeConnectionDetailsFactoryTests {

    private final ClickHouseDockerComposeConnectionDetailsFactory factory =
            new ClickHouseDockerComposeConnectionDetailsFactory();

    @Test
    void mapsTheHttpPortAndTheContainersCredentials() {
        ClickHouseConnectionDetails details = factory.getConnectionDetails(source(service(
                "clickhouse/clickhouse-server:25.3", Map.of("CLICKHOUSE_USER", "app", "CLICKHOUSE_PASSWORD", "s3cret",
                        "CLICKHOUSE_DB", "analytics"), Map.of())));

        assertThat(details.getUrl()).isEqualTo("http://192.168.1.7:49154");
        assertThat(details.getUsername()).isEqualTo("app");
        assertThat(details.getPassword()).isEqualTo("s3cret");
        assertThat(details.getDatabase()).isEqualTo("analytics");
        assertThat(details.toString()).doesNotContain("s3cret");
    }

    @Test
    void defaultsToTheDefaultUserWithoutPasswordOrDatabase() {
        ClickHouseConnectionDetails details = factory.getConnectionDetails(source(service(
                "docker.io/clickhouse/clickhouse-server:latest", Map.of(), Map.of())));

        assertThat(details.getUsername()).isEqualTo("default");
        assertThat(details.getPassword()).isNull();
        assertThat(details.getDatabase()).isNull();
    }

    @Test
    void matchesOnlyClickHouseImagesOrTheServiceConnectionLabel() {
        assertThat(factory.getConnectionDetails(source(service("postgres:17", Map.of(), Map.of())))).isNull();
        assertThat(factory.getConnectionDetails(source(service("mycompany/olap:1", Map.of(),
                Map.of("org.springframework.boot.service-connection", "clickhouse"))))).isNotNull();
    }

    @Test
    void isRegisteredAsAConnectionDetailsFactory() {
        List<?> factories = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(ConnectionDetailsFactory.class, (type, name, failure) -> { });
        assertThat(factories).hasAtLeastOneElementOfType(ClickHouseDockerComposeConnectionDetailsFactory.class);
    }

    /** Boot creates the source itself (its constructor is not public): the test does the same by reflection. */
    private static DockerComposeConnectionSource source(RunningService service) {
        try {
            Constructor<DockerComposeConnectionSource> constructor = DockerComposeConnectionSource.class
                    .getDeclaredConstructor(RunningService.class, org.springframework.core.env.Environment.class);
            constructor.setAccessible(true);
            return constructor.newInstance(service, new StandardEnvironment());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static RunningService service(String image, Map<String, String> env, Map<String, String> labels) {
        return new RunningService() {
            @Override
            public String name() {
                return "clickhouse-1";
            }

            @Override
            public ImageReference image() {
                return ImageReference.of(image);
            }

            @Override
            public String host() {
                return "192.168.1.7";
            }

            @Override
            public ConnectionPorts ports() {
                return new ConnectionPorts() {
                    @Override
                    public int get(int containerPort) {
                        assertThat(containerPort).isEqualTo(8123);
                        return 49154;
                    }

                    @Override
                    public List<Integer> getAll() {
                        return List.of(49154);
                    }

                    @Override
                    public List<Integer> getAll(String protocol) {
                        return List.of(49154);
                    }
                };
            }

            @Override
            public Map<String, String> env() {
                return env;
            }

            @Override
            public Map<String, String> labels() {
                return labels;
            }
        };
    }
}
