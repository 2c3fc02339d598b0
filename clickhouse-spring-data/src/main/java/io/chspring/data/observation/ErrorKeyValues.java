package io.chspring.data.observation;

import io.chspring.client.ClickHouseException;
import org.jspecify.annotations.Nullable;

/** The error key values every convention shares: the exception's class, and the server's error code. */
final class ErrorKeyValues {

    static final String NONE = "none";

    private ErrorKeyValues() {
    }

    /** The simple class name of {@code error}, or {@code none}. */
    static String type(@Nullable Throwable error) {
        return error == null ? NONE : error.getClass().getSimpleName();
    }

    /** The first ClickHouse error code in {@code error}'s causes, or {@code none}. */
    static String code(@Nullable Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ClickHouseException ch && ch.errorCode() != 0) {
                return Integer.toString(ch.errorCode());
            }
        }
        return NONE;
    }
}
