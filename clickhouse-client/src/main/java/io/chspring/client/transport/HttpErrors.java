package io.chspring.client.transport;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.ServerErrorCodes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** Turns HTTP statuses, server error texts and I/O failures into the client's exception categories. */
final class HttpErrors {

    /** TLS alerts (as JSSE names them) by which a server refuses a missing or untrusted client certificate. */
    private static final List<String> CLIENT_CERTIFICATE_ALERTS = List.of("certificate_required", "bad_certificate",
            "unknown_ca", "certificate_unknown", "handshake_failure");

    /** Longest server text kept in an exception message. */
    static final int MAX_MESSAGE_CHARS = 16 * 1024;

    private HttpErrors() {
    }

    /**
     * The exception for a response that carries an error: a non-2xx status, or a 2xx with
     * {@code X-ClickHouse-Exception-Code} (modern servers that sent progress headers before failing).
     *
     * @param headerCode the {@code X-ClickHouse-Exception-Code} header value, or {@code null}
     */
    static ClickHouseException fromResponse(int status, String body, String headerCode, String queryId) {
        return fromResponse(status, body, headerCode, queryId, null);
    }

    /**
     * {@link #fromResponse(int, String, String, String)} for a request in a session: a SESSION_IS_LOCKED error
     * names the session, which the server's text ("Session is locked by a concurrent client.") does not.
     *
     * @param sessionId the request's session id, or {@code null}
     */
    static ClickHouseException fromResponse(int status, String body, String headerCode, String queryId,
            String sessionId) {
        ServerErrorText parsed = ServerErrorText.parse(clip(body));
        int code = parseCode(headerCode, parsed.code());
        if (code == 0) {
            return withoutCode(status, parsed.message(), queryId);
        }
        ServerErrorText error = code == parsed.code() ? parsed : ServerErrorText.of(code, null, parsed.message());
        if (code == ServerErrorCodes.SESSION_IS_LOCKED && sessionId != null) {
            error = ServerErrorText.of(code, error.name(), error.message() + " [session_id=" + sessionId
                    + "]: a session serves one request at a time; wait for the running one or use another session");
        }
        return fromServer(error, status, queryId);
    }

    /** The exception for an error the server wrote into a 200 body after rows. */
    static ClickHouseException fromTrailing(ServerErrorText error, String queryId) {
        return fromServer(error, 200, queryId);
    }

    private static ClickHouseException fromServer(ServerErrorText error, int status, String queryId) {
        int code = error.code();
        boolean retryable = ServerErrorCodes.isRetryable(code) || status == 503;
        if (ServerErrorCodes.isTimeout(code)) {
            return new ClickHouseTimeoutException("ClickHouse error " + code + " (" + error.name() + ")"
                    + queryIdPart(queryId) + ": " + error.message(), null, code, queryId, retryable);
        }
        return new ClickHouseServerException(error.message(), code, error.name(), status, queryId, retryable);
    }

    private static ClickHouseException withoutCode(int status, String text, String queryId) {
        String message = "HTTP " + status + queryIdPart(queryId) + (text.isEmpty() ? "" : ": " + text);
        if (status == 401) {
            // A proxy or a server that sent no code: report the generic login failure.
            return new ClickHouseServerException(text.isEmpty() ? "authentication failed" : text,
                    ServerErrorCodes.AUTHENTICATION_FAILED, "AUTHENTICATION_FAILED", status, queryId, false);
        }
        if (status == 408 || status == 504) {
            return new ClickHouseTimeoutException(message, null, 0, queryId, true);
        }
        if (status >= 500) {
            // No ClickHouse code: a proxy or load balancer answered (502, 503, ...), not the engine.
            return new ClickHouseTransportException(message, null, 0, queryId, true);
        }
        return new ClickHouseServerException(text.isEmpty() ? "HTTP " + status : text, 0, null, status, queryId,
                status == 429);
    }

    /** The exception for an I/O failure while sending the request or waiting for its response. */
    static ClickHouseException fromIo(IOException e, String endpoint, String queryId, long responseTimeoutMillis) {
        String where = " (" + endpoint + ")" + queryIdPart(queryId);
        if (e instanceof ConnectTimeoutException) {
            return new ClickHouseTimeoutException("could not connect within the connect timeout" + where
                    + ": " + e.getMessage(), e, 0, queryId, true);
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            return new ClickHouseTimeoutException("no pooled connection became free within the connect timeout"
                    + where + "; raise maxConnectionsPerRoute/maxConnectionsTotal", e, 0, queryId, true);
        }
        if (e instanceof SocketTimeoutException) {
            return new ClickHouseTimeoutException("no response within " + responseTimeoutMillis
                    + " ms (responseTimeout)" + where, e, 0, queryId, true);
        }
        if (e instanceof InterruptedIOException) {
            return new ClickHouseTransportException("interrupted" + where, e, 0, queryId, false);
        }
        if (e instanceof HttpHostConnectException) {
            return new ClickHouseTransportException("connection refused" + where + ": " + e.getMessage(), e, 0,
                    queryId, true);
        }
        if (e instanceof UnknownHostException) {
            return new ClickHouseTransportException("unknown host" + where + ": " + e.getMessage(), e, 0, queryId,
                    false);
        }
        if (e instanceof SSLException) {
            return new ClickHouseTransportException("TLS failure" + where + ": " + e.getMessage() + tlsHint(e, endpoint),
                    e, 0, queryId, false);
        }
        return new ClickHouseTransportException("request failed" + where + ": " + e + tlsHint(e, endpoint), e, 0, queryId,
                true);
    }

    /**
     * A TLS server that requires a client certificate (mTLS) and gets none, or one it does not trust, finishes the
     * TLS 1.3 handshake and then drops the connection: the client sees only "Broken pipe", a reset or no response
     * (checked against 18.16 with {@code verificationMode strict}; the server logs the real reason).
     */
    private static String tlsHint(IOException e, String endpoint) {
        if (!endpoint.startsWith("https:")) {
            return "";
        }
        if (e instanceof SSLException) {
            // the server's alert, when it arrives before the connection drops (racy under TLS 1.3)
            String alert = String.valueOf(e.getMessage());
            return CLIENT_CERTIFICATE_ALERTS.stream().anyMatch(alert::contains) ? "; the server wants a valid client "
                    + "certificate (mTLS): configure one (clientCertificate or keyStore) signed by a CA it trusts" : "";
        }
        boolean dropped = e instanceof SocketException || e instanceof NoHttpResponseException
                || e instanceof ConnectionClosedException;
        return dropped ? "; the TLS server dropped the connection: if it requires a client certificate (mTLS), "
                + "configure one (clientCertificate or keyStore) signed by a CA the server trusts" : "";
    }

    /** The exception for a body that broke off before its end (never handed back as a short body). */
    static ClickHouseException fromBrokenBody(IOException e, long bytesRead, String queryId,
            long responseTimeoutMillis) {
        if (e instanceof SocketTimeoutException) {
            return new ClickHouseTimeoutException("response body stalled for " + responseTimeoutMillis
                    + " ms (responseTimeout) after " + bytesRead + " bytes" + queryIdPart(queryId), e, 0, queryId, true);
        }
        return new ClickHouseTransportException("response body broken off after " + bytesRead + " bytes"
                + queryIdPart(queryId) + ": " + e, e, 0, queryId, true);
    }

    private static int parseCode(String headerCode, int fallback) {
        if (headerCode != null) {
            try {
                return Integer.parseInt(headerCode.strip());
            } catch (NumberFormatException ignored) {
                // a garbled header is no reason to lose the code from the body
            }
        }
        return fallback;
    }

    private static String clip(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...(truncated)";
    }

    private static String queryIdPart(String queryId) {
        return queryId == null ? "" : " [query_id=" + queryId + "]";
    }
}
