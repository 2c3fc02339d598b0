package io.chspring.client.query;

import io.chspring.client.ClickHouseException;
import java.io.Serial;
import java.util.List;

/**
 * A statement of a script failed; the statements before it ran (and stay done: ClickHouse has no transaction to roll
 * back), the ones after it did not. The message names the statement's number, its line and column in the script, its
 * first line and the server's error; the server's code and query id are kept, the {@link #getCause() cause} is the
 * original error. Never retryable as a whole, because running the script again repeats what already ran.
 */
public class ClickHouseScriptException extends ClickHouseException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int statementNumber;
    private final int statementCount;
    private final int line;
    private final int column;
    private final ScriptResult completed;

    /**
     * @param statementNumber the 1-based number of the failed statement
     * @param statementCount how many statements the script has
     * @param line the line where the failed statement starts
     * @param column the column where it starts
     * @param firstLine the first line of its text, for the message
     * @param completed the statements that ran before it
     * @param cause the error of the failed statement
     */
    public ClickHouseScriptException(int statementNumber, int statementCount, int line, int column, String firstLine,
            ScriptResult completed, ClickHouseException cause) {
        super("Statement " + statementNumber + " of " + statementCount + " (line " + line + ", column " + column
                + ") failed: " + shorten(firstLine) + "\n  server error: " + cause.getMessage()
                + (statementNumber > 1 ? "\n  statements 1.." + (statementNumber - 1) + " ran" : "\n  nothing ran"),
                cause, cause.errorCode(), cause.queryId(), false);
        this.statementNumber = statementNumber;
        this.statementCount = statementCount;
        this.line = line;
        this.column = column;
        this.completed = completed;
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** The 1-based number of the statement that failed. */
    public int statementNumber() {
        return statementNumber;
    }

    /** How many statements the script has. */
    public int statementCount() {
        return statementCount;
    }

    /** The 1-based line of the script where the failed statement starts. */
    public int line() {
        return line;
    }

    /** The 1-based column where the failed statement starts on its line. */
    public int column() {
        return column;
    }

    /** The statements that ran before the failed one. */
    public ScriptResult completed() {
        return completed;
    }
}
