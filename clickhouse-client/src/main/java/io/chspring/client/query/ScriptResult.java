package io.chspring.client.query;

import io.chspring.client.QuerySummary;
import java.util.List;

/**
 * What {@code ClickHouseClient.executeScript} ran: every statement of the script, in order, with its server summary.
 *
 * @param statements one entry per statement that ran
 */
public record ScriptResult(List<Statement> statements) {

    /** Copies the list. */
    public ScriptResult {
        statements = List.copyOf(statements);
    }

    /** The number of statements that ran. */
    public int count() {
        return statements.size();
    }

    /**
     * One statement that ran.
     *
     * @param number its 1-based number in the script
     * @param line the 1-based line of the script where it starts
     * @param column the 1-based column where it starts on that line
     * @param sql the text sent (comments removed)
     * @param summary the server's summary (query id, rows and bytes read and written where the server reports them)
     */
    public record Statement(int number, int line, int column, String sql, QuerySummary summary) {
    }
}
