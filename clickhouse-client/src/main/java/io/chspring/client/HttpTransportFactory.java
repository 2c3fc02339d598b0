package io.chspring.client;

import io.chspring.client.transport.HttpTransport;
import io.chspring.client.transport.HttpTransportOptions;
import io.chspring.client.transport.Transport;

/** Hands the HTTP transport what it needs of a {@link ClickHouseClientConfig}, checked, and creates the transport. */
final class HttpTransportFactory {

    private HttpTransportFactory() {
    }

    static Transport create(ClickHouseClientConfig config) {
        ConfigValidator.validateForHttp(config);
        return HttpTransport.create(options(config));
    }

    static HttpTransportOptions options(ClickHouseClientConfig c) {
        boolean credentials = c.user().isPresent() || c.password().isPresent();
        // A password without a user name is the server's "default" user, as clickhouse-client does it.
        return new HttpTransportOptions(c.endpoint(),
                credentials ? c.user().orElse("default") : null,
                credentials ? c.password().orElse("") : null,
                c.basicAuth(), c.bearerToken().orElse(null), c.headers(),
                c.maxConnectionsTotal(), c.maxConnectionsPerRoute(),
                c.connectTimeout(), c.responseTimeout(), c.idleEviction(), c.validateAfterInactivity(),
                c.tls(), c.userAgent().orElse(null), c.httpClientCustomizer().orElse(null));
    }
}
