package io.chspring.client;

import java.io.Serial;

/** A setting, URL or option is invalid; the message names it (never its secret value). */
public class ClickHouseConfigurationException extends ClickHouseException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ClickHouseConfigurationException(String message, Throwable cause, int errorCode, String queryId, boolean retryable) {
        super(message, cause, errorCode, queryId, retryable);
    }

    public ClickHouseConfigurationException(String message, Throwable cause) {
        super(message, cause, 0, null, false);
    }

    public ClickHouseConfigurationException(String message) {
        this(message, null);
    }
}
