package io.chspring.client.compression;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads ClickHouse compressed blocks (as sent with {@code compress=1}) and yields the uncompressed bytes,
 * verifying every block's CityHash128 checksum. STUB: the compression work fills this in; the constructor
 * and method shapes are the contract other packages build on.
 */
public final class ClickHouseLz4InputStream extends InputStream {

    private final InputStream in;

    public ClickHouseLz4InputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        throw new UnsupportedOperationException("not implemented yet " + in);
    }
}
