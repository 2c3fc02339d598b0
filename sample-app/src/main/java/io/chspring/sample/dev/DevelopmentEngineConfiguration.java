package io.chspring.sample.dev;

import io.chspring.boot.autoconfigure.ClickHouseConnectionDetails;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.embedded.EmbeddedClickHouse;
import io.chspring.test.LocalClickHouseServer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * DEVELOPMENT TIME ONLY. Without {@code clickhouse.url}, gives the auto-configuration a
 * {@link ClickHouseConnectionDetails} bean for a development engine: embedded chDB in {@code sample.embedded.path}
 * (default {@code ./target/sample-data}; {@code :memory:} keeps nothing) or, with {@code sample.engine=local}, a
 * private ClickHouse server started from the installed binary, data in {@code sample.local.directory}. The
 * auto-configured properties-backed details back off when this bean exists, as they do for a Testcontainers
 * {@code @ServiceConnection}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoClickHouseUrlCondition.class)
class DevelopmentEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentEngineConfiguration.class);

    DevelopmentEngineConfiguration(@Value("${sample.engine:embedded}") String engine) {
        if (!engine.equals("embedded") && !engine.equals("local")) {
            throw new ClickHouseConfigurationException(
                    "sample.engine must be 'embedded' or 'local' (or set clickhouse.url): '" + engine + "'");
        }
    }

    @Bean
    @ConditionalOnProperty(name = "sample.engine", havingValue = "embedded", matchIfMissing = true)
    ClickHouseConnectionDetails embeddedClickHouse(@Value("${sample.embedded.path:./target/sample-data}") String path) {
        String url = path.equals(":memory:") ? EmbeddedClickHouse.MEMORY_URL : "chdb:" + path;
        log.info("No clickhouse.url set: using the embedded ClickHouse engine (chDB), {} [development only]", url);
        return () -> url;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "sample.engine", havingValue = "local")
    LocalClickHouseServer localClickHouseServer(
            @Value("${sample.local.directory:./target/sample-clickhouse}") Path directory,
            @Value("${sample.local.port:0}") int port) {
        LocalClickHouseServer server = LocalClickHouseServer.builder().directory(directory).port(port).build();
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("No clickhouse.url set: started a local ClickHouse {} at {} (data in {}) [development only]",
                server.version(), server.url(), server.directory());
        return server;
    }

    @Bean
    @ConditionalOnProperty(name = "sample.engine", havingValue = "local")
    ClickHouseConnectionDetails localClickHouse(LocalClickHouseServer server) {
        String url = server.url();
        return () -> url;
    }
}
