package io.chspring.client;

import io.chspring.client.transport.TlsOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where a client's options are checked; each message names the option at fault, never a secret.
 * {@link #validate} checks the options together when a configuration is built; {@link #validateForHttp} adds
 * what the HTTP transport needs on top, when a client on the HTTP transport is created (a transport of its own,
 * like the embedded engine, gives the options its own meaning).
 */
final class ConfigValidator {

    private ConfigValidator() {
    }

    static void validate(ClickHouseClientBuilder b) {
        checkEndpoint(b.endpoint, b.transportFactory != null);
        if (b.bearerToken != null && b.password != null && !b.password.isEmpty()) {
            throw new ClickHouseConfigurationException("Both bearerToken and password are set; a request carries one "
                    + "kind of credentials, choose one");
        }
        if (b.bearerToken != null && b.bearerToken.isBlank()) {
            throw new ClickHouseConfigurationException("bearerToken is blank");
        }
        if (b.user != null && b.user.isBlank()) {
            throw new ClickHouseConfigurationException("user is blank; leave it unset for the server's default user");
        }
        if (b.database != null && b.database.isBlank()) {
            throw new ClickHouseConfigurationException("database is blank; leave it unset for the user's default");
        }
        positive("maxConnectionsTotal", b.maxConnectionsTotal);
        positive("maxConnectionsPerRoute", b.maxConnectionsPerRoute);
        if (b.maxConnectionsPerRoute > b.maxConnectionsTotal) {
            throw new ClickHouseConfigurationException("maxConnectionsPerRoute (" + b.maxConnectionsPerRoute
                    + ") exceeds maxConnectionsTotal (" + b.maxConnectionsTotal + ")");
        }
        duration("connectTimeout", b.connectTimeout);
        duration("responseTimeout", b.responseTimeout);
        duration("idleEviction", b.idleEviction);
        duration("validateAfterInactivity", b.validateAfterInactivity);
        if (b.tls.build().isCustomized() && "http".equals(b.endpoint.getScheme().toLowerCase(Locale.ROOT))) {
            throw new ClickHouseConfigurationException("TLS options are set but the endpoint " + b.endpoint
                    + " is plain http; use https");
        }
        TlsOptions tls = b.tls.build();
        if (tls.trustStore().isPresent() && tls.trustStore().get().type() == null) {
            throw new ClickHouseConfigurationException("trustStore has no type (PKCS12 or JKS)");
        }
        if (tls.keyStore().isPresent() && tls.keyStore().get().type() == null) {
            throw new ClickHouseConfigurationException("keyStore has no type (PKCS12 or JKS)");
        }
    }

    /** What the HTTP transport needs beyond {@link #validate}: single-line header values, positive timeouts, TLS. */
    static void validateForHttp(ClickHouseClientConfig c) {
        String user = c.user().orElse(null);
        String password = c.password().orElse(null);
        boolean credentials = user != null || password != null;
        String bearerToken = c.bearerToken().orElse(null);
        if (bearerToken != null && credentials) {
            // ClickHouse rejects a request that mixes authentication methods (code 194, MATRIX.md).
            throw new ClickHouseConfigurationException("bearerToken and credentials are exclusive: set only one");
        }
        if (c.basicAuth() && !credentials) {
            throw new ClickHouseConfigurationException("basicAuth(true) needs credentials(user, password)");
        }
        if (hasLineBreak(user) || hasLineBreak(password) || hasLineBreak(bearerToken)) {
            throw new ClickHouseConfigurationException("credentials and bearerToken must not contain line breaks");
        }
        for (Map.Entry<String, String> h : c.headers().entrySet()) {
            String name = h.getKey();
            if (hasLineBreak(h.getValue())) {
                throw new ClickHouseConfigurationException("header '" + name.strip()
                        + "': name must be a token and value a single line");
            }
            if (name.equalsIgnoreCase("User-Agent")) {
                throw new ClickHouseConfigurationException("header 'User-Agent': use userAgent(productToken)");
            }
        }
        positive("connectTimeout", c.connectTimeout());
        positive("responseTimeout", c.responseTimeout());
        positive("idleEviction", c.idleEviction());
        if (c.userAgent().isPresent() && (c.userAgent().get().isBlank() || hasLineBreak(c.userAgent().get()))) {
            throw new ClickHouseConfigurationException("userAgent must be a non-blank single-line token");
        }
        if (c.endpoint().secure()) {
            checkTls(c.tls());
        }
    }

    private static void checkTls(TlsOptions tls) {
        if (tls.sslContext().isPresent()) {
            return; // an explicit context wins; the file options are ignored on purpose
        }
        if (tls.trustCertificates().isPresent() && tls.trustStore().isPresent()) {
            throw new ClickHouseConfigurationException("trustCertificates and trustStore are exclusive");
        }
        if (tls.clientCertificate().isPresent() && tls.keyStore().isPresent()) {
            throw new ClickHouseConfigurationException("clientCertificate and keyStore are exclusive");
        }
        if (tls.insecure() && (tls.trustCertificates().isPresent() || tls.trustStore().isPresent())) {
            throw new ClickHouseConfigurationException("insecure(true) contradicts trustCertificates/trustStore");
        }
        readable("trustCertificates", tls.trustCertificates().orElse(null));
        readable("trustStore", tls.trustStore().map(TlsOptions.KeyStoreFile::path).orElse(null));
        readable("clientCertificate (certificate)", tls.clientCertificate().orElse(null));
        readable("clientCertificate (key)", tls.clientKey().orElse(null));
        readable("keyStore", tls.keyStore().map(TlsOptions.KeyStoreFile::path).orElse(null));
    }

    private static void readable(String option, Path path) {
        if (path != null && !Files.isReadable(path)) {
            throw new ClickHouseConfigurationException(option + ": file not readable: " + path);
        }
    }

    private static void positive(String option, Duration d) {
        if (d.isZero()) {
            throw new ClickHouseConfigurationException(option + " must be positive, was " + d);
        }
    }

    private static boolean hasLineBreak(String s) {
        return s != null && (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0);
    }

    private static void checkEndpoint(URI endpoint, boolean customTransport) {
        if (endpoint == null) {
            throw new ClickHouseConfigurationException("No endpoint: call url(...) or endpoint(...)");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (customTransport && !scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")
                && endpoint.getRawUserInfo() == null) {
            // A transport of its own (the embedded engine's chdb:./data) gives the endpoint its meaning.
            return;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ClickHouseConfigurationException("endpoint scheme must be http or https, not '" + scheme + "'");
        }
        // The raw user-info is never echoed: it may hold a password.
        if (endpoint.getRawUserInfo() != null) {
            throw new ClickHouseConfigurationException("endpoint must not carry credentials; use credentials(...) or"
                    + " url(...)");
        }
        if (endpoint.getHost() == null) {
            throw new ClickHouseConfigurationException("endpoint " + endpoint + " has no valid host name");
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new ClickHouseConfigurationException("endpoint " + endpoint.getHost()
                    + " must not have a query or fragment; use setting(...) for ClickHouse settings");
        }
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new ClickHouseConfigurationException(option + " must be positive, not " + value);
        }
    }

    private static void duration(String option, Duration value) {
        if (value == null || value.isNegative()) {
            throw new ClickHouseConfigurationException(option + " must be zero or positive, not " + value);
        }
    }
}
