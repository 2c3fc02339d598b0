package io.chspring.client;

import io.chspring.client.transport.Endpoint;
import io.chspring.client.transport.HttpTransport;
import io.chspring.client.transport.HttpTransportOptions;
import io.chspring.client.transport.RoutingTransport;
import io.chspring.client.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Hands the HTTP transport what it needs of a {@link ClickHouseClientConfig}, checked, and creates the transport. */
final class HttpTransportFactory {

    private HttpTransportFactory() {
    }

    static Transport create(ClickHouseClientConfig config) {
        ConfigValidator.validateForHttp(config);
        if (config.endpoints().size() == 1) {
            return listened(HttpTransport.create(options(config)), config, config.endpoint());
        }
        // One pool per endpoint (each with the configured limits), so that a request event names the endpoint that
        // served it and a dead endpoint's connections never block the others'.
        List<RoutingTransport.Route> routes = new ArrayList<>();
        try {
            for (Endpoint endpoint : config.endpoints()) {
                HttpTransport http = HttpTransport.create(options(config, endpoint));
                routes.add(new RoutingTransport.Route(endpoint.uri(), listened(http, config, endpoint), http));
            }
        } catch (RuntimeException e) {
            routes.forEach(r -> r.probe().close());
            throw e;
        }
        return RoutingTransport.create(routes, new RoutingTransport.Options(config.loadBalancing(),
                config.failoverBudget(), config.quarantineBackoff(), config.maxQuarantineBackoff(),
                Duration.ofMillis(100)));
    }

    private static Transport listened(Transport transport, ClickHouseClientConfig config, Endpoint endpoint) {
        return config.requestListener().<Transport>map(l -> new ListeningTransport(transport, l, endpoint.authority()))
                .orElse(transport);
    }

    static HttpTransportOptions options(ClickHouseClientConfig c) {
        return options(c, c.endpoint());
    }

    static HttpTransportOptions options(ClickHouseClientConfig c, Endpoint endpoint) {
        boolean credentials = c.user().isPresent() || c.password().isPresent();
        // A password without a user name is the server's "default" user, as clickhouse-client does it.
        return new HttpTransportOptions(endpoint,
                credentials ? c.user().orElse("default") : null,
                credentials ? c.password().orElse("") : null,
                c.basicAuth(), c.bearerToken().orElse(null), c.headers(),
                c.maxConnectionsTotal(), c.maxConnectionsPerRoute(),
                c.connectTimeout(), c.responseTimeout(), c.idleEviction(), c.validateAfterInactivity(),
                c.tls(), c.userAgent().orElse(null), c.httpClientCustomizer().orElse(null));
    }
}
