/**
 * ClickHouse's native compressed block framing (LZ4, method 0x82) and the CityHash128 v1.0.2 checksum it uses. Works on bytes only.
 */
package io.chspring.client.compression;
