package io.chspring.client;

import java.io.Serial;

/** The request did not get a complete answer: connection refused or reset, a broken or truncated body. */
public class ClickHouseTransportException extends ClickHouseException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ClickHouseTransportException(String message, Throwable cause, int errorCode, String queryId, boolean retryable) {
        super(message, cause, errorCode, queryId, retryable);
    }

    public ClickHouseTransportException(String message, Throwable cause) {
        super(message, cause, 0, null, true);
    }

    public ClickHouseTransportException(String message) {
        this(message, null);
    }
}
