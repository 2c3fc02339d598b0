package io.chspring.client.transport;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link HttpTransport} needs of the client's configuration, handed down as it is. Not an API of its own:
 * the client's configuration ({@code ClickHouseClientConfig}) is the one place where options are set, defaulted
 * and checked; this carrier neither checks nor defaults anything. {@link #toString()} never shows a password,
 * token or header value.
 *
 * @param endpoint where requests go ({@code http} or {@code https})
 * @param user the user, or {@code null} for no credentials
 * @param password the password ({@code ""} for none) when {@code user} is set
 * @param basicAuth whether the credentials go as {@code Authorization: Basic} rather than X-ClickHouse headers
 * @param bearerToken a token for {@code Authorization: Bearer}, or {@code null}
 * @param headers extra headers for every request
 * @param maxConnectionsTotal the pool's limit over all routes
 * @param maxConnectionsPerRoute the pool's limit per host
 * @param connectTimeout the longest wait to open a connection, and to lease one from a full pool
 * @param responseTimeout the longest wait for response bytes unless a request sets its own
 * @param idleEviction idle pooled connections are closed after this
 * @param validateAfterInactivity a pooled connection idle this long is checked before reuse
 * @param tls the TLS options of an https endpoint
 * @param userAgent a product token appended to the User-Agent, or {@code null}
 * @param customizer a last say over the HttpClient builder, or {@code null}
 */
public record HttpTransportOptions(
        Endpoint endpoint,
        String user,
        String password,
        boolean basicAuth,
        String bearerToken,
        Map<String, String> headers,
        int maxConnectionsTotal,
        int maxConnectionsPerRoute,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration idleEviction,
        Duration validateAfterInactivity,
        TlsOptions tls,
        String userAgent,
        HttpClientCustomizer customizer) {

    public HttpTransportOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        Objects.requireNonNull(tls, "tls");
    }

    boolean secure() {
        return endpoint.secure();
    }

    @Override
    public String toString() {
        String auth = bearerToken != null ? "bearer(****)"
                : user == null ? "none"
                : (basicAuth ? "basic(" : "headers(") + user + ", ****)";
        return "HttpTransportOptions[endpoint=" + endpoint + ", auth=" + auth
                + ", headers=" + headers.keySet()
                + ", maxConnectionsTotal=" + maxConnectionsTotal + ", maxConnectionsPerRoute=" + maxConnectionsPerRoute
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", idleEviction=" + idleEviction + ", validateAfterInactivity=" + validateAfterInactivity
                + ", tls=" + tls + ", userAgent=" + userAgent
                + ", customizer=" + (customizer != null) + ']';
    }
}
