package io.chspring.client.query;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.QuerySummary;
import io.chspring.client.sql.SqlScriptSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a script statement by statement, in order, stopping at the first that fails. The script is split before
 * anything runs, so a string or comment left open fails the call with nothing sent. Internal: users call
 * {@code ClickHouseClient.executeScript}.
 */
public final class ScriptRunner {

    private ScriptRunner() {
    }

    /**
     * Runs the statements of {@code script}, each through {@code execute} (the SQL sent as written: no {@code ?}
     * binding, so a question mark in a script is the server's).
     *
     * @throws ClickHouseConfigurationException when the script does not split (nothing ran)
     * @throws ClickHouseScriptException when a statement fails
     */
    public static ScriptResult run(String script, Function<String, QuerySummary> execute) {
        List<SqlScriptSplitter.Statement> statements;
        try {
            statements = SqlScriptSplitter.split(script);
        } catch (SqlScriptSplitter.UnterminatedException e) {
            throw new ClickHouseConfigurationException("The script cannot be split into statements, nothing ran: "
                    + e.getMessage(), e);
        }
        List<ScriptResult.Statement> done = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            SqlScriptSplitter.Statement statement = statements.get(i);
            QuerySummary summary;
            try {
                summary = execute.apply(statement.sql());
            } catch (ClickHouseException e) {
                throw new ClickHouseScriptException(i + 1, statements.size(), statement.line(), statement.column(),
                        statement.firstLine(), new ScriptResult(done), e);
            }
            done.add(new ScriptResult.Statement(i + 1, statement.line(), statement.column(), statement.sql(), summary));
        }
        return new ScriptResult(done);
    }
}
