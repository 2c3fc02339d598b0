package io.chspring.client;

import io.chspring.client.transport.HttpTransport;
import io.chspring.client.transport.HttpTransportOptions;
import io.chspring.client.transport.Transport;

/** Maps a {@link ClickHouseClientConfig} one to one onto the HTTP transport's options and creates the transport. */
final class HttpTransportFactory {

    private HttpTransportFactory() {
    }

    static Transport create(ClickHouseClientConfig config) {
        return HttpTransport.create(options(config));
    }

    static HttpTransportOptions options(ClickHouseClientConfig c) {
        HttpTransportOptions.Builder b = HttpTransportOptions.builder()
                .endpoint(c.endpoint())
                .basicAuth(c.basicAuth())
                .maxConnectionsTotal(c.maxConnectionsTotal())
                .maxConnectionsPerRoute(c.maxConnectionsPerRoute())
                .connectTimeout(c.connectTimeout())
                .responseTimeout(c.responseTimeout())
                .idleEviction(c.idleEviction())
                .validateAfterInactivity(c.validateAfterInactivity());
        if (c.user().isPresent() || c.password().isPresent()) {
            // A password without a user name is the server's "default" user, as clickhouse-client does it.
            b.credentials(c.user().orElse("default"), c.password().orElse(""));
        }
        c.bearerToken().ifPresent(b::bearerToken);
        c.headers().forEach(b::header);
        c.userAgent().ifPresent(b::userAgent);
        TlsOptions tls = c.tls();
        tls.sslContext().ifPresent(b::sslContext);
        tls.trustCertificates().ifPresent(b::trustCertificates);
        tls.trustStore().ifPresent(s -> b.trustStore(s.path(), s.password(), s.type()));
        tls.clientCertificate().ifPresent(cert -> b.clientCertificate(cert, tls.clientKey().orElseThrow()));
        tls.keyStore().ifPresent(s -> b.keyStore(s.path(), s.password(), s.type()));
        b.hostnameVerification(tls.hostnameVerification());
        b.insecure(tls.insecure());
        c.transportCustomizer().ifPresent(customizer -> customizer.accept(b));
        return b.build();
    }
}
