package io.chspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseClientConfig;
import io.chspring.client.Compression;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.client.cluster.LoadBalancing;
import io.chspring.client.rowbinary.ReadFormat;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ClickHouseAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class));

    private static ClickHouseClientConfig config(org.springframework.context.ApplicationContext context) {
        return context.getBean(ClickHouseClient.class).config();
    }

    @Test
    void createsAClientForLocalhostByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ClickHouseClient.class).hasSingleBean(ClickHouseConnectionDetails.class);
            ClickHouseClientConfig config = config(context);
            assertThat(config.endpoint().uri()).isEqualTo(URI.create("http://localhost:8123"));
            assertThat(config.compression()).isEqualTo(Compression.LZ4);
            assertThat(config.maxConnectionsTotal()).isEqualTo(ClickHouseClientConfig.DEFAULT_MAX_CONNECTIONS_TOTAL);
            assertThat(config.requestListener()).isEmpty();
        });
    }

    @Test
    void zstdWithALevel() {
        runner.withPropertyValues("clickhouse.url=http://ch.example:8124/db", "clickhouse.compression=zstd",
                "clickhouse.compression-level=5").run(context -> {
                    ClickHouseClientConfig config = config(context);
                    assertThat(config.compression()).isEqualTo(Compression.ZSTD);
                    assertThat(config.compressionLevel()).isEqualTo(5);
                });
        runner.withPropertyValues("clickhouse.url=http://ch.example:8124/db", "clickhouse.compression=lz4hc")
                .run(context -> {
                    assertThat(config(context).compression()).isEqualTo(Compression.LZ4HC);
                    assertThat(config(context).compressionLevel()).isZero();
                });
    }

    @Test
    void aLevelOutOfRangeFailsStartupNamingIt() {
        runner.withPropertyValues("clickhouse.url=http://ch.example:8124/db", "clickhouse.compression=zstd",
                "clickhouse.compression-level=40").run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("ZSTD compression level must be between -7 and 22").hasMessageContaining("not 40"));
    }

    @Test
    void bindsTheTimeZoneRuleAndTheSessionTimeZone() {
        runner.withPropertyValues("clickhouse.url=http://ch.example:8124/db", "clickhouse.time-zone-rule=column",
                "clickhouse.session-time-zone=Asia/Kolkata").run(context -> {
                    ClickHouseClientConfig config = config(context);
                    assertThat(config.timeZoneRule()).isEqualTo(TimeZoneRule.COLUMN);
                    assertThat(config.settings()).containsEntry("session_timezone", "Asia/Kolkata");
                });
        runner.withPropertyValues("clickhouse.url=http://ch.example:8124/db").run(context -> {
            assertThat(config(context).timeZoneRule()).isEqualTo(TimeZoneRule.UTC);
            assertThat(config(context).settings()).doesNotContainKey("session_timezone");
        });
        runner.withPropertyValues("clickhouse.url=http://ch.example:8124/db", "clickhouse.time-zone-rule=local")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void bindsEveryClientProperty() {
        runner.withPropertyValues("clickhouse.url=http://ch.example:8124/from_url?max_threads=2",
                "clickhouse.username=alice", "clickhouse.password=s3cret", "clickhouse.database=analytics",
                "clickhouse.compression=none", "clickhouse.basic-auth=true",
                "clickhouse.settings.max_execution_time=30", "clickhouse.settings.readonly=2",
                "clickhouse.headers.X-Team=billing", "clickhouse.user-agent=billing/1.2",
                "clickhouse.pool.max-total=8", "clickhouse.pool.max-per-route=4",
                "clickhouse.pool.connect-timeout=3s", "clickhouse.pool.response-timeout=1m",
                "clickhouse.pool.idle-eviction=1500ms", "clickhouse.pool.validate-after-inactivity=500ms")
                .run(context -> {
                    ClickHouseClientConfig config = config(context);
                    assertThat(config.endpoint().uri()).isEqualTo(URI.create("http://ch.example:8124"));
                    assertThat(config.user()).contains("alice");
                    assertThat(config.password()).contains("s3cret");
                    assertThat(config.database()).contains("analytics");
                    assertThat(config.compression()).isEqualTo(Compression.NONE);
                    assertThat(config.basicAuth()).isTrue();
                    assertThat(config.settings()).containsExactly(Map.entry("max_threads", "2"),
                            Map.entry("max_execution_time", "30"), Map.entry("readonly", "2"));
                    assertThat(config.headers()).containsExactly(Map.entry("X-Team", "billing"));
                    assertThat(config.userAgent()).contains("billing/1.2");
                    assertThat(config.maxConnectionsTotal()).isEqualTo(8);
                    assertThat(config.maxConnectionsPerRoute()).isEqualTo(4);
                    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(config.responseTimeout()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(config.idleEviction()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(config.validateAfterInactivity()).isEqualTo(Duration.ofMillis(500));
                    assertThat(config.toString()).doesNotContain("s3cret");
                });
    }

    @Test
    void bindsReadFormatsByTypeAndNamesABadOne() {
        runner.withPropertyValues("clickhouse.read-formats.IPv4=string", "clickhouse.read-formats.uuid=STRING",
                "clickhouse.read-formats.Enum=number", "clickhouse.read-formats.UInt64=big-integer")
                .run(context -> assertThat(config(context).readFormats().byType()).containsExactly(
                        Map.entry("IPv4", ReadFormat.STRING), Map.entry("UUID", ReadFormat.STRING),
                        Map.entry("Enum", ReadFormat.NUMBER), Map.entry("UInt64", ReadFormat.BIG_INTEGER)));
        runner.withPropertyValues("clickhouse.read-formats.UUID=text").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("clickhouse.read-formats.UUID=text: Unknown read format 'text'"));
        runner.withPropertyValues("clickhouse.read-formats.UUID=number").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("clickhouse.read-formats.UUID=number: Read format number does not "
                        + "apply to ClickHouse type UUID"));
    }

    @Test
    void bindsSeveralEndpointsFromTheUrlOrTheListWithThePolicyAndCluster() {
        runner.withPropertyValues("clickhouse.url=http://h1:8123,h2:8124/analytics?load_balancing=random")
                .run(context -> {
                    ClickHouseClientConfig config = config(context);
                    assertThat(config.endpoints()).extracting(e -> e.uri().toString())
                            .containsExactly("http://h1:8123", "http://h2:8124");
                    assertThat(config.loadBalancing()).isEqualTo(LoadBalancing.RANDOM);
                    assertThat(config.database()).contains("analytics");
                });
        runner.withPropertyValues("clickhouse.url=http://ignored:8123/analytics",
                "clickhouse.endpoints=http://n1:8123,http://n2:8123,http://n3:8123",
                "clickhouse.load-balancing=least-in-flight")
                .run(context -> {
                    ClickHouseClientConfig config = config(context);
                    assertThat(config.endpoints()).extracting(e -> e.uri().toString())
                            .containsExactly("http://n1:8123", "http://n2:8123", "http://n3:8123");
                    assertThat(config.loadBalancing()).isEqualTo(LoadBalancing.LEAST_IN_FLIGHT);
                    assertThat(config.database()).contains("analytics");
                    assertThat(context.getBean(ClickHouseConnectionDetails.class).getEndpoints()).hasSize(3);
                });
    }

    @Test
    void badEndpointListsFailAtStartUpNamingTheValue() {
        runner.withPropertyValues("clickhouse.url=http://h1:8123,h_2:8123/db").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("'h_2:8123'"));
        runner.withPropertyValues("clickhouse.endpoints=http://n1:8123,https://n2:8443").run(context -> assertThat(
                context).hasFailed().getFailure().rootCause().hasMessageContaining("one scheme"));
        runner.withPropertyValues("clickhouse.url=http://h1,h2/db?load_balancing=fastest").run(context -> assertThat(
                context).hasFailed().getFailure().rootCause().hasMessageContaining("'fastest'"));
        runner.withPropertyValues("clickhouse.load-balancing=fastest").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("fastest"));
    }

    @Test
    void unsetPoolPropertiesKeepTheUrlOptions() {
        runner.withPropertyValues(
                        "clickhouse.url=http://h:8123/db?max_connections=7&max_connections_per_route=3&connect_timeout=2s")
                .run(context -> {
                    assertThat(config(context).maxConnectionsTotal()).isEqualTo(7);
                    assertThat(config(context).connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(config(context).database()).contains("db");
                });
    }

    @Test
    void readsClickHouseUrlFromTheEnvironmentThroughRelaxedBinding() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                                "CLICKHOUSE_URL", "https://env-host:9443/envdb",
                                "CLICKHOUSE_USERNAME", "bob",
                                "CLICKHOUSE_POOL_MAXTOTAL", "5", "CLICKHOUSE_POOL_MAXPERROUTE", "5",
                                "CLICKHOUSE_INSERTER_TABLES_EVENTS_MAXROWS", "77"))))
                .run(context -> {
                    ClickHouseClientConfig config = config(context);
                    assertThat(config.endpoint().uri()).isEqualTo(URI.create("https://env-host:9443"));
                    assertThat(config.database()).contains("envdb");
                    assertThat(config.user()).contains("bob");
                    assertThat(config.maxConnectionsTotal()).isEqualTo(5);
                    assertThat(context.getBean(ClickHouseInserterProperties.class).forTable("events").maxRows())
                            .isEqualTo(77);
                });
    }

    @Test
    void bindsInserterDefaultsAndPerTableOverrides() {
        runner.withPropertyValues("clickhouse.inserter.max-rows=1000", "clickhouse.inserter.max-bytes=2MB",
                "clickhouse.inserter.period=250ms", "clickhouse.inserter.period-bias=0.2",
                "clickhouse.inserter.retry-budget=10s", "clickhouse.inserter.max-buffered-bytes=8MB",
                "clickhouse.inserter.spool-directory=/var/spool/app", "clickhouse.inserter.shutdown-timeout=5s",
                "clickhouse.inserter.tables.events.max-rows=10", "clickhouse.inserter.tables.events.period=2s",
                "clickhouse.inserter.tables.events.spool-directory=/data/events-spool")
                .run(context -> {
                    ClickHouseInserterProperties inserter = context.getBean(ClickHouseInserterProperties.class);
                    ClickHouseInserterProperties.Options events = inserter.forTable("events");
                    assertThat(events.maxRows()).isEqualTo(10);
                    assertThat(events.period()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(events.maxBytes()).isEqualTo(2L << 20);
                    assertThat(events.spoolDirectory()).hasToString("/data/events-spool");
                    ClickHouseInserterProperties.Options clicks = inserter.forTable("clicks");
                    assertThat(clicks.maxRows()).isEqualTo(1000);
                    assertThat(clicks.period()).isEqualTo(Duration.ofMillis(250));
                    assertThat(clicks.periodBias()).isEqualTo(0.2);
                    assertThat(clicks.retryBudget()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(clicks.maxBufferedBytes().toMegabytes()).isEqualTo(8);
                    assertThat(clicks.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(clicks.spoolDirectory()).hasToString("/var/spool/app/clicks");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnClient() {
        ClickHouseClient own = ClickHouseClient.fromUrl("http://own-host:8123");
        runner.withBean(ClickHouseClient.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(ClickHouseClient.class);
            assertThat(context.getBean(ClickHouseClient.class)).isSameAs(own);
        });
        own.close();
    }

    @Test
    void usesConnectionDetailsFromABeanOverTheProperties() {
        ClickHouseConnectionDetails details = new ClickHouseConnectionDetails() {
            @Override
            public String getUrl() {
                return "http://container-host:32768";
            }

            @Override
            public String getUsername() {
                return "test";
            }

            @Override
            public String getDatabase() {
                return "testdb";
            }
        };
        runner.withPropertyValues("clickhouse.url=http://ignored:8123", "clickhouse.username=ignored")
                .withBean(ClickHouseConnectionDetails.class, () -> details)
                .run(context -> {
                    assertThat(context).hasSingleBean(ClickHouseConnectionDetails.class)
                            .doesNotHaveBean(PropertiesClickHouseConnectionDetails.class);
                    assertThat(config(context).endpoint().uri()).isEqualTo(URI.create("http://container-host:32768"));
                    assertThat(config(context).user()).contains("test");
                    assertThat(config(context).database()).contains("testdb");
                });
    }

    @Test
    void appliesBuilderCustomizersInOrderAfterTheProperties() {
        runner.withPropertyValues("clickhouse.settings.max_threads=1")
                .withUserConfiguration(OrderedCustomizers.class)
                .run(context -> assertThat(config(context).settings())
                        .containsEntry("max_threads", "3").containsEntry("first", "1"));
    }

    @Test
    void appliesHttpClientCustomizersInOrderWhenTheTransportIsBuilt() {
        List<String> calls = new ArrayList<>();
        runner.withBean("second", ClickHouseHttpClientBuilderCustomizer.class,
                        () -> new OrderedHttpCustomizer(2, calls))
                .withBean("first", ClickHouseHttpClientBuilderCustomizer.class,
                        () -> new OrderedHttpCustomizer(1, calls))
                .run(context -> {
                    assertThat(context).hasSingleBean(ClickHouseClient.class);
                    assertThat(calls).containsExactly("1", "2");
                });
    }

    @Test
    void takesTheSslContextFromTheNamedBundle() {
        DefaultSslBundleRegistry registry = new DefaultSslBundleRegistry();
        registry.registerBundle("clickhouse", SslBundle.of(SslStoreBundle.NONE));
        runner.withPropertyValues("clickhouse.url=https://secure-host:8443", "clickhouse.ssl.bundle=clickhouse",
                        "clickhouse.ssl.verify-hostname=false")
                .withBean(SslBundles.class, () -> registry)
                .run(context -> {
                    assertThat(config(context).tls().sslContext()).isPresent();
                    assertThat(config(context).tls().hostnameVerification()).isFalse();
                });
    }

    @Test
    void failsNamingAMissingBundle() {
        runner.withPropertyValues("clickhouse.url=https://secure-host:8443", "clickhouse.ssl.bundle=nope")
                .withBean(SslBundles.class, DefaultSslBundleRegistry::new)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(NoSuchSslBundleException.class).hasMessageContaining("nope"));
    }

    @Test
    void closesTheClientWithTheContext() {
        ClickHouseClient[] client = new ClickHouseClient[1];
        runner.run(context -> client[0] = context.getBean(ClickHouseClient.class));
        assertThat(client[0].isClosed()).isTrue();
    }

    @Test
    void backsOffWithoutTheClientOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(ClickHouseClient.class))
                .run(context -> assertThat(context).doesNotHaveBean(ClickHouseConnectionDetails.class)
                        .doesNotHaveBean("clickHouseClient"));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OrderedCustomizers {

        @org.springframework.context.annotation.Bean
        @Order(2)
        ClickHouseClientBuilderCustomizer later() {
            return builder -> builder.setting("max_threads", 3);
        }

        @org.springframework.context.annotation.Bean
        @Order(1)
        ClickHouseClientBuilderCustomizer earlier() {
            return builder -> builder.setting("max_threads", 2).setting("first", 1);
        }
    }

    private record OrderedHttpCustomizer(int order, List<String> calls)
            implements ClickHouseHttpClientBuilderCustomizer, org.springframework.core.Ordered {

        @Override
        public void customize(org.apache.hc.client5.http.impl.classic.HttpClientBuilder builder) {
            calls.add(String.valueOf(order));
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
