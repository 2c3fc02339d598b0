package io.chspring.client;

import java.io.Serial;

/** The server answered with an error: its code, the code's name when the server sent one, and the HTTP status. */
public class ClickHouseServerException extends ClickHouseException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String errorName;
    private final int httpStatus;
    private final String serverMessage;

    /**
     * @param serverMessage the server's own text, used as the message after the code and query id
     * @param errorCode the ClickHouse error code
     * @param errorName the code's symbolic name (for example {@code SYNTAX_ERROR}), or {@code null}
     * @param httpStatus the HTTP status of the response (200 for an error appended after streamed rows)
     * @param queryId the request's query id
     * @param retryable whether the code is marked retryable in {@link ServerErrorCodes}
     */
    public ClickHouseServerException(String serverMessage, int errorCode, String errorName, int httpStatus,
            String queryId, boolean retryable) {
        super(format(serverMessage, errorCode, errorName, queryId), null, errorCode, queryId, retryable);
        this.errorName = errorName;
        this.httpStatus = httpStatus;
        this.serverMessage = serverMessage;
    }

    private static String format(String serverMessage, int code, String name, String queryId) {
        StringBuilder sb = new StringBuilder("ClickHouse error ").append(code);
        if (name != null) {
            sb.append(" (").append(name).append(')');
        }
        if (queryId != null) {
            sb.append(" [query_id=").append(queryId).append(']');
        }
        return sb.append(": ").append(serverMessage).toString();
    }

    /** The symbolic name of {@link #errorCode()} when the server or our code table knows it, else {@code null}. */
    public String errorName() {
        return errorName;
    }

    /** The HTTP status of the response that carried the error. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's text of the error, without our prefix. */
    public String serverMessage() {
        return serverMessage;
    }
}
