package io.chspring.boot.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.app.Event;
import io.chspring.boot.autoconfigure.app.EventRepository;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseRepositoriesAutoConfiguration;
import io.chspring.boot.autoconfigure.health.ClickHouseHealthContributorAutoConfiguration;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseClusterTest;
import io.chspring.test.ClusterNode;
import io.chspring.test.LocalClickHouseCluster;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;

/**
 * A Boot application whose {@code clickhouse.url} lists the two replicas of one shard of the real 2 x 2 cluster:
 * it starts, its repository and Inserter beans work, and the health indicator shows both endpoints, then one down.
 */
@ClickHouseClusterTest
class ClickHouseClusterBootIntegrationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                    ClickHouseDataAutoConfiguration.class, ClickHouseRepositoriesAutoConfiguration.class,
                    ClickHouseInserterAutoConfiguration.class, ClickHouseHealthContributorAutoConfiguration.class))
            .withUserConfiguration(ScanRoot.class);

    @Test
    void twoNodesInTheUrlServeRepositoriesInsertersAndHealth(LocalClickHouseCluster cluster) {
        ClusterNode first = cluster.node(1, 1);
        ClusterNode second = cluster.node(1, 2);
        String db = "boot_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        first.query("CREATE DATABASE " + db + " ON CLUSTER c");
        first.query("CREATE TABLE " + db + ".events ON CLUSTER c (id UInt64, name String) ENGINE = "
                + "ReplicatedMergeTree('/clickhouse/tables/{shard}/" + db + "_events', '{replica}') ORDER BY id");
        first.query("CREATE TABLE " + db + ".page_view ON CLUSTER c (id UInt64, url String) ENGINE = "
                + "ReplicatedMergeTree('/clickhouse/tables/{shard}/" + db + "_page_view', '{replica}') ORDER BY id");
        String url = "http://127.0.0.1:" + first.httpPort() + ",127.0.0.1:" + second.httpPort() + "/" + db;
        runner.withPropertyValues("clickhouse.url=" + url, "clickhouse.cluster=c",
                "clickhouse.pool.connect-timeout=1s").run(context -> {
            assertThat(context).hasNotFailed();
            EventRepository repository = context.getBean(EventRepository.class);
            repository.save(new Event(1, "signup"));
            @SuppressWarnings("unchecked")
            Inserter<Event> inserter = (Inserter<Event>) context.getBeanProvider(
                    ResolvableType.forClassWithGenerics(Inserter.class, Event.class)).getObject();
            for (long id = 2; id <= 11; id++) {
                inserter.write(new Event(id, "login"));
            }
            inserter.flush();
            first.query("SYSTEM SYNC REPLICA " + db + ".events");
            second.query("SYSTEM SYNC REPLICA " + db + ".events");
            assertThat(repository.count()).isEqualTo(11);
            assertThat(repository.findByName("login")).hasSize(10);

            HealthIndicator health = context.getBean("clickhouseHealthContributor", HealthIndicator.class);
            Health up = health.health(true);
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("endpointsUp", "2/2");
            Map<String, Map<String, Object>> endpoints = endpoints(up);
            assertThat(endpoints).containsOnlyKeys(first.httpUrl(), second.httpUrl());
            assertThat(endpoints.get(second.httpUrl())).containsEntry("status", "UP").containsEntry("healthy", true)
                    .containsKey("version");

            second.stop();
            Health oneDown = health.health(true);
            assertThat(oneDown.getStatus()).isEqualTo(Status.UP);
            assertThat(oneDown.getDetails()).containsEntry("endpointsUp", "1/2");
            assertThat(endpoints(oneDown).get(second.httpUrl())).containsEntry("status", "DOWN")
                    .containsEntry("healthy", false).containsKey("lastError");
            assertThat(repository.count()).isEqualTo(11);
            assertThat(context.getBean(ClickHouseClient.class).endpointStatuses()).hasSize(2);
        });
    }

    @Test
    void anUnknownClusterFailsStartUpNamingIt(LocalClickHouseCluster cluster) {
        runner.withPropertyValues("clickhouse.url=" + cluster.node(1, 1).httpUrl() + "/default",
                "clickhouse.cluster=nope").run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("'nope'"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> endpoints(Health health) {
        return (Map<String, Map<String, Object>>) health.getDetails().get("endpoints");
    }
}
