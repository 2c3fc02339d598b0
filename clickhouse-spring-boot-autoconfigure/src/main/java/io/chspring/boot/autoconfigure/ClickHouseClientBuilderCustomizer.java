package io.chspring.boot.autoconfigure;

import io.chspring.client.ClickHouseClientBuilder;

/**
 * Customizes the builder of the auto-configured {@code ClickHouseClient} after the properties were applied.
 * Beans of this type run in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface ClickHouseClientBuilderCustomizer {

    /** Customizes the builder. */
    void customize(ClickHouseClientBuilder builder);
}
