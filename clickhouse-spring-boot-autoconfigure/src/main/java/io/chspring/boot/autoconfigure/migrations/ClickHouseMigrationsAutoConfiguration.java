package io.chspring.boot.autoconfigure.migrations;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.migrations.ClickHouseMigrations;
import io.chspring.migrations.MigrationResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Auto-configuration of schema migrations ({@code clickhouse-migrations}): when a location of
 * {@code clickhouse.migrations.locations} exists ({@code classpath:db/clickhouse} by default), the scripts run once
 * the client exists and before the template, the repositories and the Inserter beans are created.
 * {@code clickhouse.migrations.enabled=false} turns it off; a {@link ClickHouseMigrations} bean of the application's
 * replaces the configured one.
 */
@AutoConfiguration(after = ClickHouseAutoConfiguration.class)
@ConditionalOnClass({ ClickHouseClient.class, ClickHouseMigrations.class })
@ConditionalOnBean(ClickHouseClient.class)
@ConditionalOnBooleanProperty(name = "clickhouse.migrations.enabled", matchIfMissing = true)
@Conditional(MigrationsLocationCondition.class)
@EnableConfigurationProperties(ClickHouseMigrationsProperties.class)
public final class ClickHouseMigrationsAutoConfiguration {

    /** The name of the bean that runs the migrations; the beans that read tables depend on it. */
    public static final String INITIALIZER_BEAN_NAME = "clickHouseMigrationsInitializer";

    @Bean
    static MigrationsDependencyPostProcessor clickHouseMigrationsDependencyPostProcessor() {
        return new MigrationsDependencyPostProcessor(INITIALIZER_BEAN_NAME);
    }

    /** With {@code spring.main.lazy-initialization} the migrations still run at startup, as Flyway's do. */
    @Bean
    static LazyInitializationExcludeFilter clickHouseMigrationsLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(ClickHouseMigrationsInitializer.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ClickHouseMigrations clickHouseMigrations(ClickHouseClient client, ClickHouseMigrationsProperties properties,
            ResourceLoader resourceLoader) {
        return ClickHouseMigrations.builder(client)
                .resources(resources(properties.getLocations(), resourceLoader))
                .table(properties.getTable())
                .cluster(properties.getCluster())
                .replicaPath(properties.getReplicaPath())
                .replicaName(properties.getReplicaName())
                .placeholders(properties.getPlaceholders())
                .validateOnMigrate(properties.isValidateOnStart())
                .retryFailed(properties.isRetryFailed())
                .baselineVersion(properties.getBaselineVersion())
                .leaseTimeout(properties.getLeaseTimeout())
                .leaseWait(properties.getLeaseWait())
                .build();
    }

    @Bean(name = INITIALIZER_BEAN_NAME)
    @ConditionalOnMissingBean
    ClickHouseMigrationsInitializer clickHouseMigrationsInitializer(ClickHouseMigrations migrations) {
        return new ClickHouseMigrationsInitializer(migrations);
    }

    /** The scripts through Spring's resource loading, which also reads nested jars of an executable jar. */
    static List<MigrationResource> resources(List<String> locations, ResourceLoader resourceLoader) {
        ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
        List<MigrationResource> found = new ArrayList<>();
        for (String location : locations) {
            String pattern;
            if (location.startsWith("classpath:")) {
                pattern = "classpath*:" + directory(location.substring("classpath:".length())) + "*.sql";
            } else {
                String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length())
                        : location;
                pattern = "file:" + directory(path) + "*.sql";
            }
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    if (resource.isReadable() && resource.getFilename() != null) {
                        found.add(new MigrationResource(resource.getFilename(), location,
                                resource.getContentAsString(StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Reading the migration location " + location + " failed", e);
            }
        }
        return found;
    }

    private static String directory(String path) {
        return path.isEmpty() || path.endsWith("/") ? path : path + "/";
    }
}
