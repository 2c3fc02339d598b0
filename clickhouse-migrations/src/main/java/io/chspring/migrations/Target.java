package io.chspring.migrations;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the history and the lease live: the client's database, and on a cluster the cluster name, the replication
 * path and replica name, and the quorum. On a cluster every read and write of the two tables goes through
 * {@link #coordinated}: inserts wait until every replica has the row ({@code insert_quorum} = all of them) and
 * reads see every quorum insert or fail ({@code select_sequential_consistency}), so each node answers as the
 * others do.
 */
final class Target {

    private static final int TOO_FEW_LIVE_REPLICAS = 285;
    private static final int UNSATISFIED_QUORUM_FOR_PREVIOUS_WRITE = 286;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    final ClickHouseClient client;
    final ClickHouseClient coordinated;
    final String database;
    final @Nullable String cluster;
    final int replicas;

    private Target(ClickHouseClient client, ClickHouseClient coordinated, String database, @Nullable String cluster,
            int replicas) {
        this.client = client;
        this.coordinated = coordinated;
        this.database = database;
        this.cluster = cluster;
        this.replicas = replicas;
    }

    static Target of(ClickHouseClient client, @Nullable String cluster, java.time.Duration quorumTimeout) {
        if (cluster == null) {
            cluster = client.config().cluster().orElse(null);
        }
        if (cluster == null && client.config().endpoints().size() > 1) {
            // Without ON CLUSTER the history and lease tables would be made on whichever node served the request, and
            // each node would keep its own idea of what ran (the failure of Flyway's history on a cluster).
            throw new MigrationException("The client spreads requests over " + client.config().endpoints().size()
                    + " endpoints but no cluster is set, so the migration history could not be one for all of them:"
                    + " set the cluster of the migrations (clickhouse.migrations.cluster, or the client's cluster="
                    + " / clickhouse.cluster) so history and lease are replicated ON CLUSTER; nothing was run");
        }
        String database = client.query("SELECT currentDatabase()").fetchOne(String.class);
        if (cluster == null) {
            return new Target(client, client, database, null, 1);
        }
        long hosts = client.query("SELECT count() FROM system.clusters WHERE cluster = ?").bind(cluster)
                .fetchOne(Long.class);
        if (hosts == 0) {
            throw new MigrationException("Cluster '" + cluster + "' is not in system.clusters of the server the"
                    + " client talks to; check the cluster setting (remote_servers in the server's config)");
        }
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("insert_quorum", hosts);
        settings.put("insert_quorum_timeout", quorumTimeout.toMillis());
        settings.put("select_sequential_consistency", 1);
        if (client.serverVersion().isAtLeast(21, 1)) {
            // parallel quorum inserts (the default since 21.x) give up the read-your-quorum-writes guarantee
            settings.put("insert_quorum_parallel", 0);
        }
        return new Target(client, client.withSettings(settings), database, cluster, (int) hosts);
    }

    boolean clustered() {
        return cluster != null;
    }

    String onCluster() {
        return cluster == null ? "" : " ON CLUSTER " + quote(cluster);
    }

    String qualified(String table) {
        return quote(database) + "." + quote(table);
    }

    static String checkName(String what, @Nullable String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be letters, digits and '_' (not starting with a digit): '"
                    + name + "'");
        }
        return name;
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Runs an insert into the history or the lease through {@link #coordinated}. 18.16 refuses a quorum insert while
     * the previous one on the table has not reached its quorum (code 286, nothing written): that one is retried, and
     * so is "too few live replicas" (285) for 5 s.
     */
    void insert(String sql, Object... args) {
        long start = System.nanoTime();
        for (int attempt = 1;; attempt++) {
            try {
                coordinated.execute(sql, args);
                return;
            } catch (ClickHouseException e) {
                boolean retry = e.errorCode() == UNSATISFIED_QUORUM_FOR_PREVIOUS_WRITE && attempt < 100
                        // replicas of a table just created ON CLUSTER become active a moment later; a node that is
                        // down stays down, so this is retried briefly only
                        || e.errorCode() == TOO_FEW_LIVE_REPLICAS && System.nanoTime() - start < 5_000_000_000L;
                if (!retry) {
                    throw e;
                }
                try {
                    Thread.sleep(20 + java.util.concurrent.ThreadLocalRandom.current().nextInt(80));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    boolean tableExists(String table) {
        return client.query("SELECT count() FROM system.tables WHERE database = ? AND name = ?").bind(database, table)
                .fetchOne(Long.class) > 0;
    }

    /**
     * Creates a table of the migration machinery unless it exists. Several instances may create it at once: a
     * failure is ignored when the table exists afterwards (18.16 can report "already exists" to the loser of a
     * {@code CREATE TABLE IF NOT EXISTS} race).
     */
    void createIfMissing(String table, String columns, String orderBy, String replicaPath, String replicaName) {
        if (tableExists(table)) {
            return;
        }
        // One server before 20.1: Log, because several instances insert into these tables right after one of them
        // created them, and 18.16 crashed (SIGSEGV in BackgroundProcessingPoolTaskInfo::wake) under that load with
        // MergeTree; Log has no background merges. Current servers (and chDB, whose Log tables did not survive a
        // restart of its data directory in the sample's test) get MergeTree.
        String path = replicaPath.replace("{database}", database).replace("{table}", table);
        String engine = cluster != null
                ? "ReplicatedMergeTree(" + literal(path) + ", " + literal(replicaName) + ") ORDER BY " + orderBy
                : client.serverVersion().isAtLeast(20, 1) ? "MergeTree ORDER BY " + orderBy : "Log";
        String sql = "CREATE TABLE IF NOT EXISTS " + qualified(table) + onCluster() + " (" + columns + ") ENGINE = "
                + engine;
        try {
            client.execute(sql);
        } catch (RuntimeException e) {
            if (!tableExists(table)) {
                throw new MigrationException("Creating the migration table " + qualified(table) + " failed: "
                        + e.getMessage(), e);
            }
        }
    }
}
