package io.chspring.client;

import java.io.Serial;

/** A compressed frame was malformed or its CityHash128 checksum did not match. */
public class ClickHouseCompressionException extends ClickHouseException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ClickHouseCompressionException(String message, Throwable cause, int errorCode, String queryId, boolean retryable) {
        super(message, cause, errorCode, queryId, retryable);
    }

    public ClickHouseCompressionException(String message, Throwable cause) {
        super(message, cause, 0, null, false);
    }

    public ClickHouseCompressionException(String message) {
        this(message, null);
    }
}
