package io.chspring.data.core;

import org.jspecify.annotations.Nullable;

/**
 * Watches the template's operations (and so the repositories'): each query, statement and insert is started, given
 * its row count or error, and stopped. {@code io.chspring.data.observation} has the Micrometer Observation one;
 * {@link #NONE} by default. Implementations must be thread-safe.
 */
public interface OperationObserver {

    /** Observes nothing. */
    OperationObserver NONE = (kind, sql, table) -> Operation.NONE;

    /**
     * An operation starting now.
     *
     * @param kind {@code query}, {@code execute} or {@code insert}
     * @param sql the statement as the application wrote it (placeholders, not values); {@code null} for inserts
     * @param table the table of an insert, else {@code null}
     */
    Operation start(String kind, @Nullable String sql, @Nullable String table);

    /** One observed operation. */
    interface Operation {

        /** Does nothing. */
        Operation NONE = () -> { };

        /** The rows read or written. */
        default void rows(long rows) {
        }

        /** The operation failed with {@code error}. */
        default void error(Throwable error) {
        }

        /**
         * Makes this operation the current one on the calling thread until the scope is closed (on the same thread),
         * so that the client requests it sends are observed as its children.
         */
        default Scope openScope() {
            return Scope.NONE;
        }

        /** The operation is over (once, after {@link #rows} or {@link #error}). */
        void stop();
    }

    /** An operation made current on one thread; closing it restores what was current before. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        /** Changes nothing. */
        Scope NONE = () -> { };

        @Override
        void close();
    }
}
