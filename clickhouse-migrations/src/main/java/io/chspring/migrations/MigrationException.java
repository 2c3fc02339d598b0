package io.chspring.migrations;

/**
 * A migration run that must not go on: invalid scripts, a history that does not match the scripts, a statement that
 * failed, a lease that could not be taken or was lost. The message names the file (and the statement, for a
 * failure); the server's error, when there is one, is the cause.
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with {@code message}. */
    public MigrationException(String message) {
        super(message);
    }

    /** A failure with {@code message} caused by {@code cause}. */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
