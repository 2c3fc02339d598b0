package io.chspring.migrations;

import java.time.Duration;
import java.util.List;

/**
 * What one {@link ClickHouseMigrations#migrate()} did.
 *
 * @param applied the scripts run now, in order, each with the statements run now
 * @param history the whole history after the run, one entry per script (its latest row)
 * @param leaseWait how long the run waited for another instance's lease (zero when nothing was to be done)
 */
public record MigrationReport(List<Applied> applied, List<AppliedMigration> history, Duration leaseWait) {

    /**
     * A script run by this call.
     *
     * @param script the file name
     * @param firstStatement the 1-based number of the first statement run now (above 1 when a failed run resumed)
     * @param statementsRun how many statements ran now
     * @param duration how long they took
     */
    public record Applied(String script, int firstStatement, int statementsRun, Duration duration) {
    }

    /** The file names of the scripts run by this call. */
    public List<String> appliedScripts() {
        return applied.stream().map(Applied::script).toList();
    }
}
