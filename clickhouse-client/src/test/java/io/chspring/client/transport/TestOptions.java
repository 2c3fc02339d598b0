package io.chspring.client.transport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Builds {@link HttpTransportOptions} for transport tests, with the client's defaults. It checks nothing: checking is
 * the client configuration's job (see {@code HttpTransportOptionsTests} in the client package).
 */
final class TestOptions {

    private URI endpoint;
    private String user;
    private String password;
    private boolean basicAuth;
    private String bearerToken;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int maxConnectionsTotal = 32;
    private int maxConnectionsPerRoute = 16;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofMinutes(5);
    private Duration idleEviction = Duration.ofSeconds(2);
    private Duration validateAfterInactivity = Duration.ofSeconds(1);
    private final TlsOptions.Builder tls = new TlsOptions.Builder();
    private String userAgent;
    private HttpClientCustomizer customizer;

    static TestOptions builder() {
        return new TestOptions();
    }

    TestOptions endpoint(URI uri) {
        this.endpoint = uri;
        return this;
    }

    TestOptions credentials(String user, String password) {
        this.user = user;
        this.password = password == null ? "" : password;
        return this;
    }

    TestOptions basicAuth(boolean on) {
        this.basicAuth = on;
        return this;
    }

    TestOptions bearerToken(String token) {
        this.bearerToken = token;
        return this;
    }

    TestOptions header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    TestOptions maxConnectionsTotal(int n) {
        this.maxConnectionsTotal = n;
        return this;
    }

    TestOptions maxConnectionsPerRoute(int n) {
        this.maxConnectionsPerRoute = n;
        return this;
    }

    TestOptions connectTimeout(Duration d) {
        this.connectTimeout = d;
        return this;
    }

    TestOptions responseTimeout(Duration d) {
        this.responseTimeout = d;
        return this;
    }

    TestOptions idleEviction(Duration d) {
        this.idleEviction = d;
        return this;
    }

    TestOptions validateAfterInactivity(Duration d) {
        this.validateAfterInactivity = d;
        return this;
    }

    TestOptions sslContext(SSLContext context) {
        tls.sslContext(context);
        return this;
    }

    TestOptions trustCertificates(Path pem) {
        tls.trustCertificates(pem);
        return this;
    }

    TestOptions trustStore(Path path, char[] password, String type) {
        tls.trustStore(new TlsOptions.KeyStoreFile(path, password, type));
        return this;
    }

    TestOptions clientCertificate(Path certificatePem, Path keyPem) {
        tls.clientCertificate(certificatePem, keyPem);
        return this;
    }

    TestOptions keyStore(Path path, char[] password, String type) {
        tls.keyStore(new TlsOptions.KeyStoreFile(path, password, type));
        return this;
    }

    TestOptions hostnameVerification(boolean on) {
        tls.hostnameVerification(on);
        return this;
    }

    TestOptions insecure(boolean on) {
        tls.insecure(on);
        return this;
    }

    TestOptions userAgent(String token) {
        this.userAgent = token;
        return this;
    }

    TestOptions customizer(HttpClientCustomizer c) {
        this.customizer = c;
        return this;
    }

    HttpTransportOptions build() {
        return new HttpTransportOptions(Endpoint.of(endpoint), user, password, basicAuth, bearerToken, headers,
                maxConnectionsTotal, maxConnectionsPerRoute, connectTimeout, responseTimeout, idleEviction,
                validateAfterInactivity, tls.build(), userAgent, customizer);
    }
}
