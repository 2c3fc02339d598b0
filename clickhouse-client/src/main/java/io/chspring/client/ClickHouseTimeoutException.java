package io.chspring.client;

import java.io.Serial;

/** A client-side timeout (connect, response) or a server-side one (code 159 TIMEOUT_EXCEEDED and its kin). */
public class ClickHouseTimeoutException extends ClickHouseException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ClickHouseTimeoutException(String message, Throwable cause, int errorCode, String queryId, boolean retryable) {
        super(message, cause, errorCode, queryId, retryable);
    }

    public ClickHouseTimeoutException(String message, Throwable cause) {
        super(message, cause, 0, null, true);
    }

    public ClickHouseTimeoutException(String message) {
        this(message, null);
    }
}
