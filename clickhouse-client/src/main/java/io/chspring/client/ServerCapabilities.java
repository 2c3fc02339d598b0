package io.chspring.client;

import java.util.Objects;

/**
 * What a server of a given {@link ServerVersion} can do, for the few features the client must choose by version
 * (an 18.16 server rejects every unknown URL parameter with code 115, so a client cannot simply try).
 * The versions come from the ClickHouse changelogs (CHANGELOG.md and clickhouse-docs
 * {@code docs/whats-new/changelog/20xx.md}); each method names its entry.
 */
public final class ServerCapabilities {

    private final ServerVersion version;

    private ServerCapabilities(ServerVersion version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    /** The capabilities of a server running {@code version}. */
    public static ServerCapabilities of(ServerVersion version) {
        return new ServerCapabilities(version);
    }

    /** The version these answers are for. */
    public ServerVersion version() {
        return version;
    }

    /**
     * Whether {@code {name:Type}} placeholders with {@code param_<name>} URL parameters work: since 19.11
     * ("Added support for prepared statements", ClickHouse PR #5331, release 19.11.3.11). Older servers take
     * {@code param_x} for an unknown setting (code 115).
     */
    public boolean supportsQueryParameters() {
        return version.isAtLeast(19, 11);
    }

    /** Whether the {@code RowBinaryWithNamesAndTypes} format exists: since 19.3 (PR #4200, release 19.3.3). */
    public boolean supportsRowBinaryWithNamesAndTypes() {
        return version.isAtLeast(19, 3);
    }

    /**
     * Whether the client may ask for LZ4-framed responses ({@code compress=1}). Not on 18.x: the Debian build of
     * 18.16.1 answers {@code compress=1} with an empty 200 body for results up to 1 MiB (a Poco assertion in
     * {@code HTTPServerResponseImpl.cpp}; see shared/clickhouse/README.md, quirk 1), and a client cannot tell an
     * empty result from a lost one. A client configured with {@code forceResponseCompression} asks anyway.
     */
    public boolean responseCompressionUsable() {
        return version.isAtLeast(19, 1);
    }

    /**
     * Whether the server compresses a response as a zstd stream when the request says {@code Accept-Encoding: zstd}
     * and {@code enable_http_compression=1}: the HTTP handler's choice of response encoding has a {@code zstd} branch
     * (beside gzip, deflate, xz and br) in the 21.x sources; 21.1 is the first release taken to have it (the exact
     * release was not pinned down). A wrong guess costs compression, never correctness: a server that does not know
     * {@code zstd} answers uncompressed, without {@code Content-Encoding}, and the client decodes only what that header
     * names. Below this version the client asks for LZ4 frames ({@code compress=1}) instead.
     */
    public boolean supportsZstdHttpEncoding() {
        return version.isAtLeast(21, 1);
    }

    /**
     * Whether {@code DELETE FROM t WHERE ...} (lightweight delete) parses: since 22.8 (PR #37893), behind
     * {@code allow_experimental_lightweight_delete} until it became generally available in 23.3.
     */
    public boolean supportsLightweightDelete() {
        return version.isAtLeast(22, 8);
    }

    /**
     * Whether an INSERT in {@code RowBinaryWithNamesAndTypes} has the types of its header compared with the table's
     * ({@code input_format_with_types_use_header}, default on): since 21.10, the release that added that setting and
     * the header checks of the {@code *WithNamesAndTypes} input formats. Earlier servers read such a header and skip
     * it, or (18.16, before 19.3) lack the format: there a client must check the schema it encodes for itself.
     */
    public boolean checksInsertHeaderTypes() {
        return version.isAtLeast(21, 10);
    }

    /** Whether the {@code async_insert} setting exists: since 21.11 ("Async Inserts", release 21.11). */
    public boolean supportsAsyncInsert() {
        return version.isAtLeast(21, 11);
    }

    /**
     * Whether the {@code insert_deduplication_token} setting exists: since 22.2 (PR #32304, "a setting that allows
     * a user to provide own deduplication semantic in MergeTree/ReplicatedMergeTree").
     */
    public boolean supportsInsertDeduplicationToken() {
        return version.isAtLeast(22, 2);
    }

    /**
     * Whether the server takes a W3C trace context from the {@code traceparent}/{@code tracestate} HTTP headers and
     * continues the trace in its own spans ({@code system.opentelemetry_span_log}): the OpenTelemetry support
     * documented from the 20.10 documentation on ({@code docs/en/operations/opentelemetry.md}, experimental then).
     * Older servers ignore headers they do not know; the client sends them only where they mean something.
     */
    public boolean acceptsTraceContextHeaders() {
        return version.isAtLeast(20, 10);
    }

    /**
     * Whether the {@code log_comment} setting exists (its text lands in {@code system.query_log.log_comment}): it came
     * with the stateless test {@code 01670_log_comment} in January 2021; 21.2 is the first release taken to have it.
     * 18.16 refuses it like any unknown setting (code 115).
     */
    public boolean supportsLogComment() {
        return version.isAtLeast(21, 2);
    }

    /**
     * Whether the {@code session_timezone} setting exists: since 23.6 ("Add setting session_timezone", PR #44149).
     * With it, columns without a zone of their own take that zone instead of the server's.
     */
    public boolean supportsSessionTimeZone() {
        return version.isAtLeast(23, 6);
    }

    @Override
    public String toString() {
        return "ServerCapabilities[" + version + "]";
    }
}
