package io.chspring.client;

import java.io.Serial;

/** Rows do not fit the table or the Java type; the message lists every problem found, naming columns. */
public class ClickHouseSchemaException extends ClickHouseException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ClickHouseSchemaException(String message, Throwable cause, int errorCode, String queryId, boolean retryable) {
        super(message, cause, errorCode, queryId, retryable);
    }

    public ClickHouseSchemaException(String message, Throwable cause) {
        super(message, cause, 0, null, false);
    }

    public ClickHouseSchemaException(String message) {
        this(message, null);
    }
}
