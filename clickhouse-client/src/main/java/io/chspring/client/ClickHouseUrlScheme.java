package io.chspring.client;

/**
 * A URL scheme other than http(s) that another module serves, found with {@link java.util.ServiceLoader} by
 * {@link ClickHouseClient#fromUrl(String)} and {@link ClickHouseClientBuilder#url(String)}. The
 * {@code clickhouse-embedded} module registers one for {@code chdb:} URLs (the in-process chDB engine).
 */
public interface ClickHouseUrlScheme {

    /** The scheme this provider serves, in lower case and without the colon, for example {@code chdb}. */
    String scheme();

    /**
     * Applies {@code url} to the builder: at least an endpoint and a {@link ClickHouseClientBuilder#transport
     * transport factory}, and any settings or database the URL names.
     *
     * @throws ClickHouseConfigurationException naming the part of the URL at fault
     */
    void apply(String url, ClickHouseClientBuilder builder);
}
