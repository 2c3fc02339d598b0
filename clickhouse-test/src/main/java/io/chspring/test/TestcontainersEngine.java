package io.chspring.test;

import java.net.URI;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts a ClickHouse container. The only class that touches Testcontainers types: {@link EngineSelector}
 * loads it only after checking that Testcontainers is on the class path, so the dependency may be absent.
 */
final class TestcontainersEngine {

    /** Environment variable overriding the image. */
    static final String ENV_IMAGE = "CLICKHOUSE_TEST_IMAGE";
    static final String DEFAULT_IMAGE = "clickhouse/clickhouse-server:25.8";

    // The same extra users as a local server; the container's Docker network is not loopback, hence ::/0.
    private static final String USERS_XML = """
            <clickhouse>
                <profiles><chspring_readonly><readonly>1</readonly></chspring_readonly></profiles>
                <users>
                    <alice><password>secret</password><networks><ip>::/0</ip></networks>
                        <profile>default</profile><quota>default</quota></alice>
                    <ro><password>ro</password><networks><ip>::/0</ip></networks>
                        <profile>chspring_readonly</profile><quota>default</quota></ro>
                </users>
            </clickhouse>
            """;

    private TestcontainersEngine() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static RunningTestServer start(String image) {
        ClickHouseContainer container = new ClickHouseContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("clickhouse/clickhouse-server"));
        container.withCopyToContainer(Transferable.of(USERS_XML), "/etc/clickhouse-server/users.d/chspring-test-users.xml");
        container.start();
        try {
            return new RunningTestServer("testcontainers", URI.create(container.getHttpUrl()),
                    new ClickHouseCredentials(container.getUsername(), container.getPassword()),
                    Optional.of(new ClickHouseCredentials("alice", "secret")), Optional.of(new ClickHouseCredentials("ro", "ro")),
                    container::stop);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }
}
