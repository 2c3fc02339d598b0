package io.chspring.migrations;

/** The kinds of rows in the history table. */
public enum MigrationType {
    /** A {@code V<version>__<description>.sql} script: runs once. */
    VERSIONED,
    /** An {@code R__<description>.sql} script: runs again whenever its checksum changes. */
    REPEATABLE,
    /** The row written by {@code baselineVersion}: scripts up to that version count as applied. */
    BASELINE
}
