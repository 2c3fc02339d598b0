package io.chspring.client.transport;

import io.chspring.client.compression.FrameCodec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One request to an engine: the SQL text, its settings and identifiers, and an optional body.
 *
 * @param sql the statement; sent in the URL when a body is present, else as the body
 * @param settings ClickHouse settings for this request only (already merged with the client's)
 * @param parameters server-side query parameters for {@code {name:Type}} placeholders, by name without the
 *     {@code param_} prefix
 * @param database the database to run in, or {@code null} for the user's default
 * @param queryId the query id; never {@code null} (the client generates one when the user gave none)
 * @param sessionId the session id, or {@code null} for no session
 * @param sessionTimeout the session timeout, or {@code null} for the server default
 * @param body the request body (for example INSERT rows), or {@code null}
 * @param compressRequest whether the body travels in ClickHouse frames ({@code decompress=1}); decided by the client for
 *     transports that {@link Transport#framesRequestBodies() frame bodies}, and followed by the {@link BodySink}
 * @param compressResponse whether to ask for an LZ4-framed response ({@code compress=1})
 * @param idempotent whether the request may be sent again after a stale pooled connection failed it
 * @param responseTimeout the longest wait for the response, or {@code null} for the transport default
 * @param requestCodec how a compressed body's frames are made (LZ4, LZ4HC or ZSTD at a level); LZ4 when {@code null}
 * @param headers HTTP headers of this request only (a trace context), sent besides the transport's own; an in-process
 *     engine ignores them
 */
public record TransportRequest(
        String sql,
        Map<String, String> settings,
        Map<String, String> parameters,
        String database,
        String queryId,
        String sessionId,
        Duration sessionTimeout,
        RequestBody body,
        boolean compressRequest,
        boolean compressResponse,
        boolean idempotent,
        Duration responseTimeout,
        FrameCodec requestCodec,
        Map<String, String> headers) {

    public TransportRequest {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(queryId, "queryId");
        settings = Map.copyOf(settings == null ? Map.of() : settings);
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        requestCodec = requestCodec == null ? FrameCodec.lz4() : requestCodec;
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    /** A request without headers of its own whose compressed body (if any) is LZ4-framed. */
    public TransportRequest(String sql, Map<String, String> settings, Map<String, String> parameters, String database,
            String queryId, String sessionId, Duration sessionTimeout, RequestBody body, boolean compressRequest,
            boolean compressResponse, boolean idempotent, Duration responseTimeout) {
        this(sql, settings, parameters, database, queryId, sessionId, sessionTimeout, body, compressRequest,
                compressResponse, idempotent, responseTimeout, null, Map.of());
    }

    /** A request without headers of its own whose compressed body (if any) is framed by {@code requestCodec}. */
    public TransportRequest(String sql, Map<String, String> settings, Map<String, String> parameters, String database,
            String queryId, String sessionId, Duration sessionTimeout, RequestBody body, boolean compressRequest,
            boolean compressResponse, boolean idempotent, Duration responseTimeout, FrameCodec requestCodec) {
        this(sql, settings, parameters, database, queryId, sessionId, sessionTimeout, body, compressRequest,
                compressResponse, idempotent, responseTimeout, requestCodec, Map.of());
    }

    /** This request with another body (the same SQL, settings, identifiers and options). */
    public TransportRequest withBody(RequestBody newBody) {
        return new TransportRequest(sql, settings, parameters, database, queryId, sessionId, sessionTimeout, newBody,
                compressRequest, compressResponse, idempotent, responseTimeout, requestCodec, headers);
    }
}
