package io.chspring.migrations;

import java.time.Instant;

/**
 * One row of the history table. A script has one row per completed statement while it runs, and one final row:
 * the row with the highest {@code installedRank} for a script is its state.
 *
 * @param installedRank the row's position in the history (1, 2, ...)
 * @param version the version ({@code 2.1}), empty for a repeatable script
 * @param description the description from the file name
 * @param type versioned, repeatable or baseline
 * @param script the file name
 * @param checksum CRC32 of the script's text (line breaks normalized)
 * @param statementsTotal how many statements the script has
 * @param statementsApplied how many of them had run when the row was written
 * @param appliedChecksum CRC32 of those statements' text, to check that they are unchanged when a run resumes
 * @param installedBy who ran it ({@code user@host})
 * @param installedOn when the row was written (server time)
 * @param executionTimeMillis how long the script had run
 * @param success whether the script completed
 * @param error the error of a failed run, empty otherwise
 */
public record AppliedMigration(long installedRank, String version, String description, MigrationType type,
        String script, long checksum, int statementsTotal, int statementsApplied, long appliedChecksum,
        String installedBy,
        Instant installedOn, long executionTimeMillis, boolean success, String error) {

    /** Whether the script stopped part-way: it failed, or the process running it died. */
    public boolean incomplete() {
        return !success && type != MigrationType.BASELINE;
    }
}
