package io.chspring.arrow;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ServerVersion;

/** What the module asks of the server: the format name, and the versions that decide what to send. */
final class ArrowFormat {

    /** Arrow's IPC streaming format, as ClickHouse names it for input and output. */
    static final String NAME = "ArrowStream";

    /**
     * Which Arrow buffer compression the server applies to its output. Arrow-level LZ4 needs Arrow's
     * {@code arrow-compression} module (commons-compress, zstd-jni) on the reader's side, and the client already
     * LZ4-frames the whole HTTP body when compression is on, so this module asks for uncompressed buffers.
     */
    static final String COMPRESSION_SETTING = "output_format_arrow_compression_method";

    private ArrowFormat() {
    }

    /**
     * Fails unless the server reads and writes {@code ArrowStream}: since 20.5 (PR #11088, "Add ArrowStream input
     * and output format", release v20.5.2.7). An 18.16 server answers {@code FORMAT ArrowStream} with code 73,
     * "Unknown format", only after the request was sent; checking the version first gives the reason.
     */
    static ServerVersion requireSupport(ClickHouseClient client, String what) {
        ServerVersion version = client.serverVersion();
        if (!version.isAtLeast(20, 5)) {
            throw new ClickHouseConfigurationException(what + " in FORMAT " + NAME
                    + " needs ClickHouse 20.5 or newer, but the server runs " + version
                    + "; use the client's row API (query(...).fetch(...), insert(...)) with this server");
        }
        return version;
    }

    /**
     * Whether the server compresses Arrow output unless told otherwise: {@code lz4_frame} became the default of
     * {@value #COMPRESSION_SETTING} in 23.3 (SettingsChangesHistory: "Use lz4 compression in Arrow output format by
     * default"). Before, the default was {@code none}, so older servers are sent nothing (the setting is younger
     * than the format, and a setting a server does not know fails the query with code 115).
     */
    static boolean compressesOutputByDefault(ServerVersion version) {
        return version.isAtLeast(23, 3);
    }
}
