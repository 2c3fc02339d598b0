package io.chspring.boot.autoconfigure;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseClientBuilder;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.RequestListener;
import io.chspring.client.rowbinary.ReadFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/** Applies connection details, properties and customizers to a {@link ClickHouseClientBuilder}, in that order. */
final class ClickHouseClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseClientFactory.class);

    private final ClickHouseProperties properties;
    private final ClickHouseConnectionDetails connection;
    private final SslBundles sslBundles;

    ClickHouseClientFactory(ClickHouseProperties properties, ClickHouseConnectionDetails connection,
            SslBundles sslBundles) {
        this.properties = properties;
        this.connection = connection;
        this.sslBundles = sslBundles;
    }

    ClickHouseClient create(List<ClickHouseClientBuilderCustomizer> customizers,
            List<ClickHouseHttpClientBuilderCustomizer> httpCustomizers, List<RequestListener> listeners) {
        ClickHouseClientBuilder builder = ClickHouseClient.builder().url(connection.getUrl());
        PropertyMapper map = PropertyMapper.get();
        map.from(connection.getUsername()).to(builder::user);
        map.from(connection.getPassword()).to(builder::password);
        map.from(connection.getDatabase()).to(builder::database);
        List<String> endpoints = connection.getEndpoints();
        if (endpoints != null && !endpoints.isEmpty()) {
            builder.endpointUrls(endpoints);
        }
        map.from(properties.getLoadBalancing()).to(builder::loadBalancing);
        map.from(properties.getCluster()).to(builder::cluster);
        map.from(properties.getCompression()).to(builder::compression);
        map.from(properties.getCompressionLevel()).to(builder::compressionLevel); // after the method, which resets it
        map.from(properties.getTimeZoneRule()).to(builder::timeZoneRule);
        if (properties.isBasicAuth()) {
            builder.basicAuth(true);
        }
        builder.settings(properties.getSettings());
        map.from(properties.getSessionTimeZone()).to(builder::sessionTimeZone);
        properties.getHeaders().forEach(builder::header);
        properties.getReadFormats().forEach((type, format) -> {
            try {
                builder.readFormat(type, ReadFormat.of(format));
            } catch (ClickHouseConfigurationException e) {
                throw new ClickHouseConfigurationException("clickhouse.read-formats." + type + "=" + format + ": "
                        + e.getMessage(), e);
            }
        });
        map.from(properties.getUserAgent()).to(builder::userAgent);
        applyPool(builder, properties.getPool());
        applySsl(builder, properties.getSsl());
        if (!httpCustomizers.isEmpty()) {
            builder.httpClientCustomizer(http -> httpCustomizers.forEach(customizer -> customizer.customize(http)));
        }
        if (!listeners.isEmpty()) {
            builder.requestListener(listeners.size() == 1 ? listeners.get(0)
                    : event -> listeners.forEach(listener -> listener.onRequest(event)));
        }
        customizers.forEach(customizer -> customizer.customize(builder));
        ClickHouseClient client = builder.build();
        checkCluster(client);
        return client;
    }

    /**
     * Fails start-up when the configured cluster is unknown to the server (a typo would otherwise surface at the
     * first ON CLUSTER statement); an unreachable server only logs, as the health indicator reports it.
     */
    private static void checkCluster(ClickHouseClient client) {
        if (client.config().cluster().isEmpty()) {
            return;
        }
        try {
            client.clusterTopology();
        } catch (ClickHouseConfigurationException e) {
            client.close();
            throw new ClickHouseConfigurationException("clickhouse.cluster: " + e.getMessage(), e);
        } catch (ClickHouseException e) {
            LOG.warn("Cannot check clickhouse.cluster '{}' at start-up: {}", client.config().cluster().get(),
                    e.getMessage());
        }
    }

    private static void applyPool(ClickHouseClientBuilder builder, ClickHouseProperties.Pool pool) {
        PropertyMapper map = PropertyMapper.get();
        map.from(pool.getMaxTotal()).to(builder::maxConnectionsTotal);
        map.from(pool.getMaxPerRoute()).to(builder::maxConnectionsPerRoute);
        map.from(pool.getConnectTimeout()).to(builder::connectTimeout);
        map.from(pool.getResponseTimeout()).to(builder::responseTimeout);
        map.from(pool.getIdleEviction()).to(builder::idleEviction);
        map.from(pool.getValidateAfterInactivity()).to(builder::validateAfterInactivity);
    }

    private void applySsl(ClickHouseClientBuilder builder, ClickHouseProperties.Ssl ssl) {
        builder.hostnameVerification(ssl.isVerifyHostname());
        if (ssl.getBundle() == null) {
            return;
        }
        if (sslBundles == null) {
            throw new ClickHouseConfigurationException("clickhouse.ssl.bundle is '" + ssl.getBundle()
                    + "' but the application has no SslBundles bean");
        }
        SslBundle bundle = sslBundles.getBundle(ssl.getBundle());
        // The bundle's key store gives the client certificate for mutual TLS, its trust store the CA to trust.
        builder.sslContext(bundle.createSslContext());
    }
}
