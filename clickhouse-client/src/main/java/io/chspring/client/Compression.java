package io.chspring.client;

/**
 * How request and response bodies travel on the wire. Every method but {@link #NONE} uses ClickHouse's native block
 * framing (checksum, method byte, sizes): request bodies are framed ({@code decompress=1}) when the transport frames
 * bodies; responses are asked for ({@code compress=1}) only when {@link ServerCapabilities#responseCompressionUsable()}
 * says the server can, or when the client forces it. ClickHouse answers {@code compress=1} in LZ4 whatever method the
 * client compresses its requests with (its HTTP handler makes the response's compressed buffer with the default codec;
 * checked on 18.16 with {@code network_compression_method=zstd}), so the method and its level choose how request
 * bodies are compressed. The exception is {@link #ZSTD} on a server with
 * {@link ServerCapabilities#supportsZstdHttpEncoding() zstd HTTP encoding}: there responses come as a zstd stream
 * ({@code Content-Encoding: zstd}) instead.
 */
public enum Compression {

    /** LZ4 (method byte {@code 0x82}), what the server itself writes; the default. */
    LZ4,

    /**
     * LZ4HC: LZ4 blocks made with more effort (smaller, slower to make, as fast to decode), method byte {@code 0x82}
     * like LZ4, so every server reads them. Level 1 to 17, 9 by default.
     */
    LZ4HC,

    /**
     * ZSTD (method byte {@code 0x90}): smaller bodies than LZ4 for more CPU. Level -7 to 22, 1 by default (the server's
     * own {@code network_zstd_compression_level}). Needs the optional {@code com.github.luben:zstd-jni} on the class
     * path; without it the client fails when it is built, naming the dependency.
     */
    ZSTD,

    /** Plain bodies in both directions. */
    NONE
}
