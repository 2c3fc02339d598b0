package io.chspring.client.transport;

/**
 * Names of the ClickHouse HTTP interface: URL parameters and headers. See
 * https://clickhouse.com/docs/interfaces/http and the server's {@code src/Server/HTTPHandler.cpp}.
 */
final class ClickHouseHttp {

    // ---- URL parameters (every unknown parameter is taken as a setting by the server) ----

    /** The SQL text, when the body carries data instead. */
    static final String PARAM_QUERY = "query";
    /** The database the statement runs in. */
    static final String PARAM_DATABASE = "database";
    /** The client-chosen query id, shown in system.processes and system.query_log. */
    static final String PARAM_QUERY_ID = "query_id";
    /** The session the request belongs to (temporary tables and SET survive between requests). */
    static final String PARAM_SESSION_ID = "session_id";
    /** Seconds a session lives after its last request. */
    static final String PARAM_SESSION_TIMEOUT = "session_timeout";
    /** Fail with SESSION_NOT_FOUND instead of creating the session. */
    static final String PARAM_SESSION_CHECK = "session_check";
    /** Ask for a response in ClickHouse compressed blocks. */
    static final String PARAM_COMPRESS = "compress";
    /** The request body is in ClickHouse compressed blocks. */
    static final String PARAM_DECOMPRESS = "decompress";
    /** Prefix of query parameters that fill {@code {name:Type}} placeholders (absent on 18.x). */
    static final String PARAM_PREFIX = "param_";
    /** User name as a URL parameter; never used by this client (it would put the password in the URL). */
    static final String PARAM_USER = "user";
    /** Password as a URL parameter; never used by this client. */
    static final String PARAM_PASSWORD = "password";

    // ---- request headers ----

    /** The user name, paired with {@link #HEADER_KEY}; the server rejects it together with Basic auth (code 194). */
    static final String HEADER_USER = "X-ClickHouse-User";
    /** The password for {@link #HEADER_USER}. */
    static final String HEADER_KEY = "X-ClickHouse-Key";
    /** Standard authorization: Basic (user and password) or Bearer (token). */
    static final String HEADER_AUTHORIZATION = "Authorization";
    /** {@code close} on a request whose connection must not be reused (external data, see HttpRequests). */
    static final String HEADER_CONNECTION = "Connection";
    /** The target's authority; set by the transport so that HttpCore does not format it per request. */
    static final String HEADER_HOST = "Host";
    /** Client identification, shown in system.query_log.http_user_agent. */
    static final String HEADER_USER_AGENT = "User-Agent";

    // ---- response headers (absent on 18.16, see MATRIX.md) ----

    /** The query id the server ran the request under. */
    static final String HEADER_QUERY_ID = "X-ClickHouse-Query-Id";
    /** The error code when the server failed before sending the body. */
    static final String HEADER_EXCEPTION_CODE = "X-ClickHouse-Exception-Code";
    /** The random tag that frames an exception written after rows (25.11+, {@code __exception__} blocks). */
    static final String HEADER_EXCEPTION_TAG = "X-ClickHouse-Exception-Tag";
    /** How the response body is coded; {@code zstd} when the client asked for it and the server could. */
    static final String HEADER_CONTENT_ENCODING = "Content-Encoding";

    /** Read/written rows and bytes of the finished query, as JSON. */
    static final String HEADER_SUMMARY = "X-ClickHouse-Summary";
    /** The output format of the response. */
    static final String HEADER_FORMAT = "X-ClickHouse-Format";
    /** The server's time zone. */
    static final String HEADER_TIMEZONE = "X-ClickHouse-Timezone";

    // ---- content types ----

    /** Content type of a body that carries SQL text. */
    static final String CONTENT_TYPE_SQL = "text/plain; charset=UTF-8";
    /** Content type of a body that carries data (RowBinary, Native, ...). */
    static final String CONTENT_TYPE_DATA = "application/octet-stream";

    private ClickHouseHttp() {
    }
}
