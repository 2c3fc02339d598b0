package io.chspring.migrations;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.sql.SqlScriptSplitter.Statement;
import io.chspring.migrations.MigrationPlan.Step;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned ({@code V<version>__<description>.sql}) and repeatable ({@code R__<description>.sql}) SQL scripts applied
 * through a {@link ClickHouseClient}, recorded in a history table, safe when several instances start at once and on
 * a cluster. Without Spring:
 *
 * <pre>{@code
 * MigrationReport report = ClickHouseMigrations.builder(client)
 *         .locations("classpath:db/clickhouse")
 *         .placeholder("ttl_days", "30")
 *         .build()
 *         .migrate();
 * }</pre>
 *
 * <p>{@link #migrate()} checks the scripts and the history first: bad names, duplicate versions, empty scripts,
 * placeholders without a value, changed applied scripts and applied versions that are gone stop it before
 * anything runs. When nothing is to be done it writes nothing (no lease). Otherwise it takes the lease (one
 * instance at a time; see {@code MigrationLease}), reads the history again and runs what is still pending, one
 * statement at a time, recording each. A failed statement stops the run; the next run resumes after the last
 * statement that succeeded. There is no {@code clean}.
 */
public final class ClickHouseMigrations {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseMigrations.class);

    /** The default location of the scripts. */
    public static final String DEFAULT_LOCATION = "classpath:db/clickhouse";

    /** The default name of the history table; the lease table is this name with {@code _lease} appended. */
    public static final String DEFAULT_TABLE = "chspring_migrations";

    private final Builder settings;

    private ClickHouseMigrations(Builder builder) {
        this.settings = builder;
    }

    /** A builder for migrations run through {@code client} in its database. */
    public static Builder builder(ClickHouseClient client) {
        return new Builder(client);
    }

    /**
     * Brings the database up to date.
     *
     * @return what ran now, and the history after it
     * @throws MigrationException when the scripts or the history are not valid (nothing ran), or a statement
     *         failed (the message names the file, the statement and the server's error)
     */
    public MigrationReport migrate() {
        Target target = Target.of(settings.client, settings.cluster, settings.leaseTimeout.multipliedBy(2));
        Placeholders placeholders = placeholders(target);
        List<MigrationScript> scripts = ScriptParser.parse(resources(), placeholders);
        HistoryTable history = new HistoryTable(target, settings.table);
        MigrationPlan plan = plan(scripts, history.rows());
        if (plan.nothingToDo()) {
            log.info("ClickHouse migrations: {} is up to date ({} scripts)", history.name(), scripts.size());
            return new MigrationReport(List.of(), latest(history.rows()), Duration.ZERO);
        }
        history.create(settings.replicaPath, settings.replicaName);
        MigrationLease lease = new MigrationLease(target, settings.table + "_lease", settings.leaseTimeout,
                settings.installedBy);
        lease.create(settings.replicaPath, settings.replicaName);
        long waitStart = System.nanoTime();
        boolean held;
        try {
            held = lease.acquire(settings.leaseWait, () -> !plan(scripts, history.rows()).nothingToDo());
        } catch (RuntimeException e) {
            lease.close(); // stop renewing a claim this instance may have made
            if (!(e instanceof ClickHouseException)) {
                throw e;
            }
            String cluster = target.clustered() ? " (on a cluster every one of its " + target.replicas
                    + " nodes must be up: the lease and the history are written to all of them)" : "";
            throw new MigrationException("Taking the migration lease " + target.qualified(settings.table + "_lease")
                    + " failed, nothing was run" + cluster + ": " + e.getMessage(), e);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - waitStart);
        if (!held) {
            log.info("ClickHouse migrations: another instance brought {} up to date", history.name());
            return new MigrationReport(List.of(), latest(history.rows()), waited);
        }
        try {
            // another instance may have run everything while this one waited
            List<AppliedMigration> rows = history.rows();
            plan = plan(scripts, rows);
            long rank = rows.stream().mapToLong(AppliedMigration::installedRank).max().orElse(0);
            if (plan.writeBaseline()) {
                history.appendBaseline(++rank, settings.baselineVersion, settings.installedBy);
                log.info("ClickHouse migrations: baseline {} written to {}", settings.baselineVersion, history.name());
            }
            List<MigrationReport.Applied> applied = new ArrayList<>();
            for (Step step : plan.steps()) {
                applied.add(run(step, history, lease, placeholders, rank));
                rank += step.script().statements().size() - step.from() + 1;
            }
            return new MigrationReport(List.copyOf(applied), latest(history.rows()), waited);
        } finally {
            lease.close();
        }
    }

    /**
     * Checks the scripts against the history without running or writing anything.
     *
     * @throws MigrationException naming every problem found
     */
    public void validate() {
        Target target = Target.of(settings.client, settings.cluster, settings.leaseTimeout.multipliedBy(2));
        List<MigrationScript> scripts = ScriptParser.parse(resources(), placeholders(target));
        plan(scripts, new HistoryTable(target, settings.table).rows());
    }

    /** The history, one entry per script (its latest row), in the order they were first applied. */
    public List<AppliedMigration> history() {
        Target target = Target.of(settings.client, settings.cluster, settings.leaseTimeout.multipliedBy(2));
        return latest(new HistoryTable(target, settings.table).rows());
    }

    /** The file names of the scripts a {@link #migrate()} would run now (with a resumed one among them). */
    public List<String> pending() {
        Target target = Target.of(settings.client, settings.cluster, settings.leaseTimeout.multipliedBy(2));
        List<MigrationScript> scripts = ScriptParser.parse(resources(), placeholders(target));
        return MigrationPlan.of(scripts, new HistoryTable(target, settings.table).rows(), settings.baselineVersion,
                settings.validate, settings.retryFailed).steps().stream().map(s -> s.script().filename()).toList();
    }

    private MigrationPlan plan(List<MigrationScript> scripts, List<AppliedMigration> rows) {
        MigrationPlan plan = MigrationPlan.of(scripts, rows, settings.baselineVersion, settings.validate,
                settings.retryFailed);
        plan.warnings().forEach(w -> log.warn("ClickHouse migrations (validation is off): {}", w));
        if (!plan.problems().isEmpty()) {
            throw new MigrationException("ClickHouse migrations cannot run; nothing was run:\n  - "
                    + String.join("\n  - ", plan.problems()));
        }
        return plan;
    }

    private MigrationReport.Applied run(Step step, HistoryTable history, MigrationLease lease,
            Placeholders placeholders, long rank) {
        MigrationScript script = step.script();
        List<Statement> statements = script.statements();
        String file = ScriptParser.where(script.resource());
        if (step.from() > 1) {
            log.info("ClickHouse migrations: resuming {} at statement {} of {}", file, step.from(), statements.size());
        } else {
            log.info("ClickHouse migrations: applying {}", file);
        }
        long start = System.nanoTime();
        for (int i = step.from(); i <= statements.size(); i++) {
            lease.ensureHeld();
            Statement statement = statements.get(i - 1);
            try {
                settings.client.execute(placeholders.replace(statement.sql()));
            } catch (ClickHouseException e) {
                String message = file + ": statement " + i + " of " + statements.size() + " (line "
                        + statement.line() + ") failed: " + statement.firstLine() + "\n  server error: "
                        + e.getMessage() + (i > 1 ? "\n  statements 1.." + (i - 1) + " ran; the next run resumes at"
                                + " statement " + i : "");
                MigrationException failure = new MigrationException(message, e);
                try {
                    history.append(++rank, script, i - 1, settings.installedBy, millisSince(start), false,
                            "statement " + i + " (line " + statement.line() + "): " + e.getMessage());
                } catch (RuntimeException recording) {
                    failure.addSuppressed(recording);
                }
                throw failure;
            }
            boolean last = i == statements.size();
            try {
                history.append(++rank, script, i, settings.installedBy, millisSince(start), last, "");
            } catch (ClickHouseException e) {
                throw new MigrationException(file + ": statement " + i + " of " + statements.size() + " ran, but"
                        + " recording it in " + history.name() + " failed, so the run stops; the next run runs it again"
                        + " (it must be safe to run twice)" + (history.clustered() ? "; on a cluster every node must"
                                + " be up" : "") + ": " + e.getMessage(), e);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("ClickHouse migrations: {} done ({} statements, {} ms)", file, statements.size() - step.from() + 1,
                took.toMillis());
        return new MigrationReport.Applied(script.filename(), step.from(), statements.size() - step.from() + 1, took);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static List<AppliedMigration> latest(List<AppliedMigration> rows) {
        Map<String, AppliedMigration> latest = new LinkedHashMap<>();
        Map<String, Long> first = new LinkedHashMap<>();
        for (AppliedMigration row : rows) {
            String key = MigrationPlan.key(row);
            first.putIfAbsent(key, row.installedRank());
            latest.put(key, row);
        }
        return latest.values().stream()
                .sorted(Comparator.comparingLong(r -> first.get(MigrationPlan.key(r)))).toList();
    }

    private Placeholders placeholders(Target target) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("database", target.database);
        values.put("on_cluster", target.onCluster().strip());
        if (target.cluster != null) {
            values.put("cluster", target.cluster);
        }
        values.putAll(settings.placeholders);
        return new Placeholders(values);
    }

    private List<MigrationResource> resources() {
        List<MigrationResource> found = new ArrayList<>(settings.resources);
        for (String location : settings.locations) {
            found.addAll(ScriptLocations.find(location, settings.classLoader));
        }
        return found;
    }

    /** Whether {@code location} ({@code classpath:...}, {@code filesystem:...} or a path) exists. */
    public static boolean locationExists(String location, ClassLoader classLoader) {
        return ScriptLocations.exists(location, classLoader);
    }

    /** Options of a {@link ClickHouseMigrations}; every one has a default. */
    public static final class Builder {

        private final ClickHouseClient client;
        private final List<String> locations = new ArrayList<>();
        private final List<MigrationResource> resources = new ArrayList<>();
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private boolean locationsSet;
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private String table = DEFAULT_TABLE;
        private @Nullable String cluster;
        private String replicaPath = "/clickhouse/chspring/migrations/{database}/{table}";
        private String replicaName = "{shard}_{replica}";
        private boolean validate = true;
        private boolean retryFailed;
        private @Nullable MigrationVersion baselineVersion;
        private Duration leaseTimeout = Duration.ofSeconds(30);
        private Duration leaseWait = Duration.ofMinutes(10);
        private String installedBy = defaultInstalledBy();

        private Builder(ClickHouseClient client) {
            this.client = Objects.requireNonNull(client, "client");
            this.locations.add(DEFAULT_LOCATION);
        }

        /**
         * Where the scripts are: {@code classpath:db/clickhouse} (the default), {@code filesystem:/opt/app/sql} or a
         * plain path. Only the {@code .sql} files directly inside are read.
         */
        public Builder locations(String... locations) {
            this.locations.clear();
            this.locations.addAll(List.of(locations));
            this.locationsSet = true;
            return this;
        }

        /** Scripts found by the caller, in addition to the locations' (with no {@link #locations}: instead). */
        public Builder resources(List<MigrationResource> resources) {
            if (!locationsSet) {
                this.locations.clear();
            }
            this.resources.addAll(resources);
            return this;
        }

        /** The class loader for {@code classpath:} locations; the thread's context class loader by default. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /** The history table's name ({@value ClickHouseMigrations#DEFAULT_TABLE}); the lease table adds _lease. */
        public Builder table(String table) {
            this.table = Target.checkName("the history table's name", table);
            return this;
        }

        /**
         * Runs on a cluster: the history and lease tables are created {@code ON CLUSTER} as ReplicatedMergeTree with
         * one replica on every node, written with a quorum of all of them; {@code ${cluster}} and
         * {@code ${on_cluster}} have values.
         */
        public Builder cluster(@Nullable String cluster) {
            this.cluster = cluster == null || cluster.isBlank() ? null : cluster;
            return this;
        }

        /**
         * The ZooKeeper path of the replicated history and lease tables;
         * {@code /clickhouse/chspring/migrations/{database}/{table}} by default ({@code {database}} and
         * {@code {table}} are filled in here, other macros by the server).
         */
        public Builder replicaPath(String replicaPath) {
            this.replicaPath = Objects.requireNonNull(replicaPath, "replicaPath");
            return this;
        }

        /** The replica name of each node in those tables: unique per node; {@code {shard}_{replica}} by default. */
        public Builder replicaName(String replicaName) {
            this.replicaName = Objects.requireNonNull(replicaName, "replicaName");
            return this;
        }

        /**
         * A value for {@code ${name}} in the scripts; {@code database}, {@code cluster} and {@code on_cluster} are
         * given.
         */
        public Builder placeholder(String name, String value) {
            this.placeholders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
            return this;
        }

        /** Values for placeholders. */
        public Builder placeholders(Map<String, String> placeholders) {
            placeholders.forEach(this::placeholder);
            return this;
        }

        /**
         * Whether a changed applied script, or an applied version no longer in the locations, stops the run (the
         * default); when off they are logged as warnings.
         */
        public Builder validateOnMigrate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /**
         * Whether a script that failed is run again (from the failed statement) although it is unchanged; off by
         * default: a failed script has to be fixed first, and the fixed one resumes at the failed statement.
         */
        public Builder retryFailed(boolean retryFailed) {
            this.retryFailed = retryFailed;
            return this;
        }

        /**
         * For a database that existed before migrations: when the history is empty, a baseline row with this
         * version is written and versioned scripts up to it count as applied.
         */
        public Builder baselineVersion(@Nullable String version) {
            this.baselineVersion = version == null || version.isBlank() ? null : MigrationVersion.parse(version);
            return this;
        }

        /**
         * How long a claim on the lease lives without renewal (30 s by default, at least 6 s): an instance that dies
         * while holding it blocks the others this long.
         */
        public Builder leaseTimeout(Duration timeout) {
            this.leaseTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long to wait for another instance's lease before failing (10 minutes by default). */
        public Builder leaseWait(Duration wait) {
            this.leaseWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /** Who runs the migrations, recorded in the history; {@code <user.name>@<host>} by default. */
        public Builder installedBy(String installedBy) {
            this.installedBy = Objects.requireNonNull(installedBy, "installedBy");
            return this;
        }

        /** The migrations with these options. */
        public ClickHouseMigrations build() {
            if (leaseTimeout.compareTo(Duration.ofSeconds(6)) < 0) {
                throw new IllegalArgumentException("the lease timeout must be at least 6 s: " + leaseTimeout);
            }
            return new ClickHouseMigrations(copy());
        }

        /** A snapshot, so that changing this builder later does not change migrations already built. */
        private Builder copy() {
            Builder copy = new Builder(client);
            copy.locations.clear();
            copy.locations.addAll(locations);
            copy.resources.addAll(resources);
            copy.placeholders.putAll(placeholders);
            copy.locationsSet = locationsSet;
            copy.classLoader = classLoader;
            copy.table = table;
            copy.cluster = cluster;
            copy.replicaPath = replicaPath;
            copy.replicaName = replicaName;
            copy.validate = validate;
            copy.retryFailed = retryFailed;
            copy.baselineVersion = baselineVersion;
            copy.leaseTimeout = leaseTimeout;
            copy.leaseWait = leaseWait;
            copy.installedBy = installedBy;
            return copy;
        }

        private static String defaultInstalledBy() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
            return System.getProperty("user.name", "unknown") + "@" + host;
        }
    }
}
