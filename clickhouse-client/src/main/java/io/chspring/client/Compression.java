package io.chspring.client;

/** How request and response bodies travel on the wire. */
public enum Compression {

    /**
     * ClickHouse's native block framing with LZ4 (method byte {@code 0x82}): request bodies are always framed
     * ({@code decompress=1}); responses are framed ({@code compress=1}) only when
     * {@link ServerCapabilities#responseCompressionUsable()} says the server can, or when the client forces it.
     */
    LZ4,

    /** Plain bodies in both directions. */
    NONE
}
