package io.chspring.migrations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run has to do, computed from the scripts and the history without touching the server, and what is wrong.
 * Problems stop the run before anything runs; warnings are what validation would have stopped with, when it is off.
 */
record MigrationPlan(List<Step> steps, boolean writeBaseline, List<String> problems, List<String> warnings,
        Map<String, AppliedMigration> latest) {

    /** Run {@code script} from statement {@code from} (1-based). */
    record Step(MigrationScript script, int from) {
    }

    boolean nothingToDo() {
        return steps.isEmpty() && !writeBaseline;
    }

    static String key(AppliedMigration row) {
        return switch (row.type()) {
            case REPEATABLE -> "R:" + row.description();
            case BASELINE -> "B";
            case VERSIONED -> "V:" + MigrationVersion.parse(row.version());
        };
    }

    static MigrationPlan of(List<MigrationScript> scripts, List<AppliedMigration> history,
            @Nullable MigrationVersion baselineVersion, boolean validate, boolean retryFailed) {
        Map<String, AppliedMigration> latest = new HashMap<>();
        for (AppliedMigration row : history) {
            latest.merge(key(row), row, (a, b) -> a.installedRank() >= b.installedRank() ? a : b);
        }
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Step> steps = new ArrayList<>();

        AppliedMigration baselineRow = latest.get("B");
        boolean writeBaseline = baselineRow == null && history.isEmpty() && baselineVersion != null;
        MigrationVersion baseline = baselineRow != null ? MigrationVersion.parse(baselineRow.version())
                : writeBaseline ? baselineVersion : null;

        MigrationVersion highestApplied = null;
        for (AppliedMigration row : latest.values()) {
            if (row.type() == MigrationType.VERSIONED) {
                MigrationVersion v = MigrationVersion.parse(row.version());
                highestApplied = highestApplied == null || v.compareTo(highestApplied) > 0 ? v : highestApplied;
            }
        }

        Map<String, MigrationScript> byKey = new HashMap<>();
        for (MigrationScript script : scripts) {
            byKey.put(script.key(), script);
            AppliedMigration row = latest.get(script.key());
            String file = ScriptParser.where(script.resource());
            if (row == null) {
                if (script.type() == MigrationType.VERSIONED && baseline != null
                        && script.version().compareTo(baseline) <= 0) {
                    continue; // covered by the baseline
                }
                if (script.type() == MigrationType.VERSIONED && highestApplied != null
                        && script.version().compareTo(highestApplied) < 0) {
                    problems.add(file + ": version " + script.version() + " is below the applied version "
                            + highestApplied + " and was never applied; give it a version above " + highestApplied);
                    continue;
                }
                steps.add(new Step(script, 1));
            } else if (row.success()) {
                if (row.checksum() == script.checksum()) {
                    continue;
                }
                if (script.type() == MigrationType.REPEATABLE) {
                    steps.add(new Step(script, 1));
                } else {
                    (validate ? problems : warnings).add(file + ": changed since it was applied on "
                            + row.installedOn() + " (checksum " + row.checksum() + ", now " + script.checksum()
                            + "); applied scripts must not change: put the change in a new version");
                }
            } else {
                incomplete(script, row, file, retryFailed, problems, steps);
            }
        }
        for (AppliedMigration row : latest.values()) {
            if (row.type() == MigrationType.VERSIONED && !byKey.containsKey(key(row))) {
                (validate ? problems : warnings).add(row.script() + ": version " + row.version()
                        + (row.success() ? " was applied" : " was run part-way") + " on " + row.installedOn()
                        + " but is not in the locations any more");
            }
        }
        return new MigrationPlan(List.copyOf(steps), writeBaseline, List.copyOf(problems), List.copyOf(warnings),
                Map.copyOf(latest));
    }

    private static void incomplete(MigrationScript script, AppliedMigration row, String file, boolean retryFailed,
            List<String> problems, List<Step> steps) {
        int done = row.statementsApplied();
        boolean failed = !row.error().isEmpty();
        boolean changed = row.checksum() != script.checksum();
        if (script.type() == MigrationType.REPEATABLE && changed) {
            steps.add(new Step(script, 1));
            return;
        }
        if (failed && !changed && !retryFailed) {
            problems.add(file + ": failed on " + row.installedOn() + " at statement " + (done + 1) + " of "
                    + row.statementsTotal() + ": " + firstLine(row.error()) + ". Fix the script (statements 1.."
                    + done + " ran and must stay as they are) and start again: it resumes at statement "
                    + (done + 1) + "; or set retry-failed to run it again unchanged");
            return;
        }
        if (done > script.statements().size()) {
            problems.add(file + ": " + done + " statements ran already, but the script now has only "
                    + script.statements().size());
            return;
        }
        long prefix = script.prefixChecksum(done);
        if (done > 0 && prefix != row.appliedChecksum()) {
            problems.add(file + ": statements 1.." + done + " ran already (on " + row.installedOn()
                    + ") and have changed since; only the statements after them may change");
            return;
        }
        steps.add(new Step(script, done + 1));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
