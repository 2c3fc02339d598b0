package io.chspring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** Checks a {@link ClickHouseClientBuilder}'s options together; each message names the option at fault. */
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
        if (b.tls.trustStore != null && b.tls.trustStore.type() == null) {
            throw new ClickHouseConfigurationException("trustStore has no type (PKCS12 or JKS)");
        }
        if (b.tls.keyStore != null && b.tls.keyStore.type() == null) {
            throw new ClickHouseConfigurationException("keyStore has no type (PKCS12 or JKS)");
        }
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
