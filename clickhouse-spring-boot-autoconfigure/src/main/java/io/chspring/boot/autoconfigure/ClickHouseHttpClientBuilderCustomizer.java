package io.chspring.boot.autoconfigure;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Customizes the Apache HttpClient 5 builder of the auto-configured client's transport, after the client set its
 * pool, timeouts and TLS (for example to add a proxy or an interceptor). Beans of this type run in
 * {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface ClickHouseHttpClientBuilderCustomizer {

    /** Customizes the builder. */
    void customize(HttpClientBuilder builder);
}
