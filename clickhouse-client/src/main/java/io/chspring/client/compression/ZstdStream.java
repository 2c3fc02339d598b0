package io.chspring.client.compression;

import java.io.IOException;
import java.io.InputStream;

/**
 * The decoder of a response sent with HTTP {@code Content-Encoding: zstd}: a plain zstd stream, not ClickHouse frames.
 * Public so that the transport can reach it; the zstd-jni classes stay behind {@link Zstd}.
 */
public final class ZstdStream {

    private ZstdStream() {
    }

    /**
     * The decoded bytes of {@code in}. Fails with a {@link io.chspring.client.ClickHouseConfigurationException} naming
     * the dependency when zstd-jni is not on the class path.
     */
    public static InputStream decode(InputStream in) throws IOException {
        return Zstd.stream(in);
    }
}
