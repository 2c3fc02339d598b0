/**
 * Schema migrations for ClickHouse through the chspring client: versioned and repeatable SQL scripts, a history
 * table, resumption of a script that failed part-way, and a lease built from inserts and reads so that several
 * instances (and the nodes of a cluster) apply each script once. Entry point: {@link ClickHouseMigrations}.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.migrations;
