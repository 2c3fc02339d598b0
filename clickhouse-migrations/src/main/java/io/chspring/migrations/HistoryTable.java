package io.chspring.migrations;

import java.time.Instant;
import java.util.List;

/**
 * The history table: append-only, one row per completed statement of a running script and one final row per run
 * (see {@link AppliedMigration}). Only the lease holder writes it, so {@code installed_rank} (the row order) is
 * simply the highest one plus one. MergeTree on one server (Log before 20.1), ReplicatedMergeTree {@code ON CLUSTER}
 * on a cluster.
 */
final class HistoryTable {

    private static final String COLUMNS = "installed_rank UInt32, version String, description String, type String,"
            + " script String, checksum UInt32, statements_total UInt32, statements_applied UInt32,"
            + " applied_checksum UInt32, installed_by String, installed_on DateTime, execution_time UInt64,"
            + " success UInt8, error String";

    private static final int MAX_ERROR_CHARS = 4000;

    /** A row as stored; the type is text in the table so that old readers survive new kinds. */
    record Row(long installedRank, String version, String description, String type, String script, long checksum,
            long statementsTotal, long statementsApplied, long appliedChecksum, String installedBy,
            Instant installedOn, long executionTime, boolean success, String error) {

        AppliedMigration toApplied() {
            return new AppliedMigration(installedRank, version, description, MigrationType.valueOf(type), script,
                    checksum, (int) statementsTotal, (int) statementsApplied, appliedChecksum, installedBy,
                    installedOn, executionTime, success, error);
        }
    }

    private final Target target;
    private final String table;

    HistoryTable(Target target, String table) {
        this.target = target;
        this.table = table;
    }

    String name() {
        return target.qualified(table);
    }

    boolean clustered() {
        return target.clustered();
    }

    boolean exists() {
        return target.tableExists(table);
    }

    void create(String replicaPath, String replicaName) {
        target.createIfMissing(table, COLUMNS, "installed_rank", replicaPath, replicaName);
    }

    /** Every row, in order; empty when the table does not exist yet. */
    List<AppliedMigration> rows() {
        if (!exists()) {
            return List.of();
        }
        return target.coordinated.query("SELECT installed_rank, version, description, type, script, checksum,"
                + " statements_total, statements_applied, applied_checksum, installed_by, installed_on,"
                + " execution_time, success, error FROM " + name() + " ORDER BY installed_rank")
                .fetchAll(Row.class).stream().map(Row::toApplied).toList();
    }

    void append(long rank, MigrationScript script, int applied, String installedBy, long millis, boolean success,
            String error) {
        String message = error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "..." : error;
        insert(rank, script.type() == MigrationType.VERSIONED ? script.version().toString() : "", script.description(),
                script.type(), script.filename(), script.checksum(), script.statements().size(), applied,
                script.prefixChecksum(applied), installedBy, millis, success, message);
    }

    void appendBaseline(long rank, MigrationVersion version, String installedBy) {
        insert(rank, version.toString(), "<< baseline >>", MigrationType.BASELINE, "", 0, 0, 0, 0, installedBy, 0,
                true, "");
    }

    private void insert(long rank, String version, String description, MigrationType type, String script,
            long checksum, int total, int applied, long appliedChecksum, String installedBy, long millis,
            boolean success, String error) {
        target.insert("INSERT INTO " + name() + " (installed_rank, version, description, type, script,"
                + " checksum, statements_total, statements_applied, applied_checksum, installed_by, installed_on,"
                + " execution_time, success, error) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?", rank, version,
                description, type.name(), script, checksum, total, applied, appliedChecksum, installedBy, millis,
                success, error);
    }
}
