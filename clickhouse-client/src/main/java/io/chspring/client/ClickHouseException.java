package io.chspring.client;

import java.io.Serial;

/**
 * Root of every error this client raises. Unchecked, immutable, and never carries a password or token
 * in its message.
 *
 * <p>Subclasses name the category: {@link ClickHouseServerException} (the server answered with an
 * error), {@link ClickHouseTransportException} (the request did not get a complete answer),
 * {@link ClickHouseTimeoutException}, {@link ClickHouseCompressionException},
 * {@link ClickHouseConfigurationException} and {@link ClickHouseSchemaException}.
 */
public class ClickHouseException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String queryId;
    private final boolean retryable;

    /**
     * @param message what went wrong, naming the column, setting or value at fault
     * @param cause the underlying error, or {@code null}
     * @param errorCode the ClickHouse error code, or 0 when the error did not come from the server
     * @param queryId the query id of the request that failed, or {@code null} when there was none
     * @param retryable whether sending the same request again may succeed
     */
    public ClickHouseException(String message, Throwable cause, int errorCode, String queryId, boolean retryable) {
        super(message, cause);
        this.errorCode = errorCode;
        this.queryId = queryId;
        this.retryable = retryable;
    }

    public ClickHouseException(String message, Throwable cause) {
        this(message, cause, 0, null, false);
    }

    public ClickHouseException(String message) {
        this(message, null, 0, null, false);
    }

    /** The ClickHouse error code (for example 62 for SYNTAX_ERROR), or 0 when the server sent none. */
    public int errorCode() {
        return errorCode;
    }

    /** The query id of the failed request, or {@code null} when the failure happened before one existed. */
    public String queryId() {
        return queryId;
    }

    /** Whether the same request may succeed when sent again (network trouble, overload, timeouts). */
    public boolean isRetryable() {
        return retryable;
    }
}
