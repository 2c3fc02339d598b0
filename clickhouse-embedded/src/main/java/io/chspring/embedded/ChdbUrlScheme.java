package io.chspring.embedded;

import io.chspring.client.ClickHouseClientBuilder;
import io.chspring.client.ClickHouseUrlScheme;

/** Serves {@code chdb:} URLs for {@code ClickHouseClient.fromUrl}; registered for {@link java.util.ServiceLoader}. */
public final class ChdbUrlScheme implements ClickHouseUrlScheme {

    /** For {@link java.util.ServiceLoader}. */
    public ChdbUrlScheme() {
    }

    /** {@code chdb}. */
    @Override
    public String scheme() {
        return "chdb";
    }

    /** See {@link EmbeddedClickHouse} for the URL forms. */
    @Override
    public void apply(String url, ClickHouseClientBuilder builder) {
        EmbeddedClickHouse.configure(url, builder);
    }
}
