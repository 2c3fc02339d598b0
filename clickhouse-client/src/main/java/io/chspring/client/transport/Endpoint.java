package io.chspring.client.transport;

import java.net.URI;
import java.util.Objects;

/**
 * Where requests go: one server's base URI, {@code http(s)://host[:port][/path-prefix]}, or a URI of another scheme
 * that a transport of its own gives a meaning (the embedded engine's {@code chdb:./data}). A small value, so that a
 * configuration of several endpoints is a list of these rather than host and port strings spread around.
 * Validated by the client's configuration, not here: an {@code Endpoint} is only a name for an address.
 */
public final class Endpoint {

    private final URI uri;

    private Endpoint(URI uri) {
        this.uri = Objects.requireNonNull(uri, "uri");
    }

    /** The endpoint of a base URI. */
    public static Endpoint of(URI uri) {
        return new Endpoint(uri);
    }

    /** The scheme in lower case ({@code http}, {@code https}, {@code chdb}), or {@code ""} when the URI has none. */
    public String scheme() {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    }

    /** The host ({@code [::1]} for IPv6), or {@code null} for an opaque URI such as {@code chdb:./data}. */
    public String host() {
        return uri.getHost();
    }

    /** The port as written, or {@code -1} when none was written (HTTP then uses the scheme's default port). */
    public int port() {
        return uri.getPort();
    }

    /** Whether requests go over TLS. */
    public boolean secure() {
        return scheme().equals("https");
    }

    /** The base URI. */
    public URI uri() {
        return uri;
    }

    /** {@code scheme://host:port}, without user info or path: what messages may show. */
    public String authority() {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && e.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    /** The base URI as text. */
    @Override
    public String toString() {
        return uri.toString();
    }
}
