package io.chspring.boot.autoconfigure.migrations;

import io.chspring.migrations.ClickHouseMigrations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code clickhouse.migrations.*}: schema migrations run at startup, before anything reads a table. */
@ConfigurationProperties("clickhouse.migrations")
public class ClickHouseMigrationsProperties {

    /** Whether to run migrations at startup (when a location exists). */
    private boolean enabled = true;

    /** Where the scripts are: classpath:dir or filesystem:dir; only .sql files directly inside are read. */
    private List<String> locations = new ArrayList<>(List.of(ClickHouseMigrations.DEFAULT_LOCATION));

    /** The history table, in the client's database; the lease table is its name with _lease appended. */
    private String table = ClickHouseMigrations.DEFAULT_TABLE;

    /** The cluster: history and lease tables are created ON CLUSTER, replicated to every node. */
    private @Nullable String cluster;

    /** ZooKeeper path of the replicated history and lease tables; {database} and {table} are filled in. */
    private String replicaPath = "/clickhouse/chspring/migrations/{database}/{table}";

    /** Replica name of each node in those tables (server macros); must be unique per node. */
    private String replicaName = "{shard}_{replica}";

    /** Values of ${name} placeholders; database, cluster and on_cluster are given. */
    private Map<String, String> placeholders = new LinkedHashMap<>();

    /** Whether a changed applied script, or an applied version that is gone, stops the startup. */
    private boolean validateOnStart = true;

    /** Whether an unchanged script that failed runs again from the failed statement. */
    private boolean retryFailed;

    /** For a database that existed before migrations: versioned scripts up to this version count as applied. */
    private @Nullable String baselineVersion;

    /** How long a lease claim lives without renewal: a dead instance blocks the others this long. */
    private Duration leaseTimeout = Duration.ofSeconds(30);

    /** How long to wait for another instance's lease before the startup fails. */
    private Duration leaseWait = Duration.ofMinutes(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public @Nullable String getCluster() {
        return cluster;
    }

    public void setCluster(@Nullable String cluster) {
        this.cluster = cluster;
    }

    public String getReplicaPath() {
        return replicaPath;
    }

    public void setReplicaPath(String replicaPath) {
        this.replicaPath = replicaPath;
    }

    public String getReplicaName() {
        return replicaName;
    }

    public void setReplicaName(String replicaName) {
        this.replicaName = replicaName;
    }

    public Map<String, String> getPlaceholders() {
        return placeholders;
    }

    public void setPlaceholders(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    public boolean isValidateOnStart() {
        return validateOnStart;
    }

    public void setValidateOnStart(boolean validateOnStart) {
        this.validateOnStart = validateOnStart;
    }

    public boolean isRetryFailed() {
        return retryFailed;
    }

    public void setRetryFailed(boolean retryFailed) {
        this.retryFailed = retryFailed;
    }

    public @Nullable String getBaselineVersion() {
        return baselineVersion;
    }

    public void setBaselineVersion(@Nullable String baselineVersion) {
        this.baselineVersion = baselineVersion;
    }

    public Duration getLeaseTimeout() {
        return leaseTimeout;
    }

    public void setLeaseTimeout(Duration leaseTimeout) {
        this.leaseTimeout = leaseTimeout;
    }

    public Duration getLeaseWait() {
        return leaseWait;
    }

    public void setLeaseWait(Duration leaseWait) {
        this.leaseWait = leaseWait;
    }
}
