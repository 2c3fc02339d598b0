package io.chspring.embedded;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseClientBuilder;
import io.chspring.client.ClickHouseClientConfig;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.transport.Transport;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Clients on the in-process ClickHouse engine (chDB 26.5 through JNA): the same {@link ClickHouseClient}, template,
 * repositories and inserter, without a server.
 *
 * <p>URLs: {@code chdb:<directory>} (relative or absolute, for example {@code chdb:./data}) keeps tables in that
 * directory; {@code chdb::memory:} or just {@code chdb:} is memory-only. Optional {@code ?key=value&...} keys:
 * {@code database}, and any ClickHouse setting. With this module on the classpath,
 * {@code ClickHouseClient.fromUrl("chdb:...")} works too.
 *
 * <p>Requirements: 64-bit Linux, {@code libchdb.so} (see {@code fetch-libchdb.sh}; looked up through
 * {@code -Dchspring.chdb.library}, {@code CHDB_LIBRARY}, {@code ~/.cache/chdb/26.5.3/package/libchdb.so}, the system
 * library path), and a JVM started with {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}: chDB replaces the JVM's
 * signal handlers and the JVM would crash, so the first client fails fast when signal chaining is missing.
 *
 * <p>One engine runs per JVM, on one data path: every client shares it (a second path fails while the first is in
 * use). It loads in about 0.4 s and stays up until the JVM exits, also after the last client closes.
 */
public final class EmbeddedClickHouse {

    /** The memory-only URL. */
    public static final String MEMORY_URL = "chdb::memory:";

    private EmbeddedClickHouse() {
    }

    /** A client for a {@code chdb:} URL; close it when done (the engine itself stays up). */
    public static ClickHouseClient client(String url) {
        return builder(url).build();
    }

    /** A builder preset for a {@code chdb:} URL, for further options (settings, database, ...). */
    public static ClickHouseClientBuilder builder(String url) {
        ClickHouseClientBuilder builder = ClickHouseClient.builder();
        configure(url, builder);
        return builder;
    }

    /** A transport factory on the engine for {@code dataDirectory} ({@code null}: memory-only), for the builder. */
    public static Function<ClickHouseClientConfig, Transport> transport(Path dataDirectory) {
        ChdbLocation location = dataDirectory == null ? ChdbLocation.MEMORY : ChdbLocation.of(dataDirectory);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        return config -> new ChdbTransport(ChdbEngine.acquire(location), tmp);
    }

    /** Applies a {@code chdb:} URL to a builder: endpoint, transport, database and settings. */
    static void configure(String url, ClickHouseClientBuilder builder) {
        String text = url == null ? "" : url.strip();
        if (!text.regionMatches(true, 0, "chdb:", 0, 5)) {
            throw new ClickHouseConfigurationException("Not a chdb: URL; expected chdb:<directory> or " + MEMORY_URL);
        }
        String rest = text.substring(5);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        boolean memory = path.isEmpty() || path.equals(":memory:");
        Path directory = memory ? null : Path.of(path);
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ClickHouseConfigurationException("chdb: URL key '" + pair + "' has no value");
                }
                String key = decode(pair.substring(0, eq));
                String value = decode(pair.substring(eq + 1));
                if (key.equals("database")) {
                    builder.database(value);
                } else {
                    builder.setting(key, value);
                }
            }
        }
        try {
            String ssp = memory ? ":memory:" : ChdbLocation.of(directory).directory().toString();
            builder.endpoint(new URI("chdb", ssp, null));
        } catch (URISyntaxException e) {
            throw new ClickHouseConfigurationException("Cannot use " + path + " as a chDB data directory: "
                    + e.getReason());
        }
        builder.transport(transport(directory));
    }

    private static String decode(String raw) {
        // '+' stays '+', as in the client's http URLs (RFC 3986).
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
