/**
 * ClickHouse's native compressed block framing, used over HTTP for responses ({@code compress=1}, read with
 * {@link io.chspring.client.compression.ClickHouseLz4InputStream}) and request bodies ({@code decompress=1},
 * written with {@link io.chspring.client.compression.ClickHouseLz4OutputStream}). Each frame is a CityHash128
 * v1.0.2 checksum, a 9-byte header (method, compressed size including the header, uncompressed size) and an LZ4
 * or uncompressed payload. {@link io.chspring.client.compression.CityHash64} (the same CityHash version's 64-bit
 * function, ClickHouse's {@code cityHash64}) lives here too, for the Distributed table's shard choice. Works on
 * bytes only: no I/O beyond the streams it wraps.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.compression;
