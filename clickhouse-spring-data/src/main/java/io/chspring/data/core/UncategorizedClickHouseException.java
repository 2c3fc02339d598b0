package io.chspring.data.core;

import io.chspring.client.ClickHouseException;
import java.io.Serial;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.UncategorizedDataAccessException;

/** A ClickHouse error that fits no more specific {@code DataAccessException}; keeps the server code and query id. */
public class UncategorizedClickHouseException extends UncategorizedDataAccessException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final @Nullable String queryId;

    /** Wraps {@code cause}, keeping its error code and query id. */
    public UncategorizedClickHouseException(String message, ClickHouseException cause) {
        super(message, cause);
        this.errorCode = cause.errorCode();
        this.queryId = cause.queryId();
    }

    /** The ClickHouse error code, or 0 when the error did not come from the server. */
    public int getErrorCode() {
        return errorCode;
    }

    /** The query id of the failed request, or {@code null}. */
    public @Nullable String getQueryId() {
        return queryId;
    }
}
