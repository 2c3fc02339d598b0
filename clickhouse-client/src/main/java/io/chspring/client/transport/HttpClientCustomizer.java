package io.chspring.client.transport;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * A last say over the HTTP transport's Apache HttpClient builder, applied after every client option (for example a
 * keep-alive strategy, a proxy or an interceptor). A type of the transport's own, so that only the transport
 * package speaks HttpClient. Setting one makes the transport build HttpClient's full client instead of its minimal
 * one (see {@link HttpTransport}).
 */
@FunctionalInterface
public interface HttpClientCustomizer {

    /** Changes the builder. */
    void customize(HttpClientBuilder builder);
}
