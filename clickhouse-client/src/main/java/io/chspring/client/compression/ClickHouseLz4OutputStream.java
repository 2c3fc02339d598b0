package io.chspring.client.compression;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Frames bytes into ClickHouse compressed blocks (LZ4, method byte 0x82) as the server expects with
 * {@code decompress=1}. STUB: the compression work fills this in; the constructor and method shapes are the
 * contract other packages build on.
 */
public final class ClickHouseLz4OutputStream extends OutputStream {

    /** Default uncompressed block size: the server's own 1 MiB. */
    public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

    private final OutputStream out;

    public ClickHouseLz4OutputStream(OutputStream out) {
        this(out, DEFAULT_BLOCK_SIZE);
    }

    public ClickHouseLz4OutputStream(OutputStream out, int blockSize) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes the pending block, if any, without closing the underlying stream. */
    public void finish() throws IOException {
        out.flush();
    }
}
