package io.chspring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Options of the {@code Inserter} beans under {@code clickhouse.inserter.*}: defaults for every table, and
 * per-table overrides under {@code clickhouse.inserter.tables.<table>.*} (for example
 * {@code clickhouse.inserter.tables.events.max-rows=10000}).
 */
@ConfigurationProperties("clickhouse.inserter")
public class ClickHouseInserterProperties {

    /**
     * Whether to auto-configure the Inserter factory and an Inserter bean for every scanned @Table entity. Each
     * Inserter bean reads its table's columns (DESCRIBE TABLE) when it is created, so by default the application
     * fails to start when ClickHouse is unreachable or a table does not match its entity.
     */
    private boolean enabled = true;

    /**
     * Whether the entity Inserter beans are created on first use instead of at startup, so that the application can
     * start while ClickHouse is down: the table's columns are then read, and checked, when the bean is first looked
     * up. Only helps where it is looked up late, through ObjectProvider<Inserter<Entity>> or from a lazy bean; an
     * Inserter injected into an eager bean is still created at startup.
     */
    private boolean lazyInitialization = false;

    /** Rows per batch at most. */
    private long maxRows = 500_000;

    /** RowBinary bytes per batch at most. */
    private DataSize maxBytes = DataSize.ofMegabytes(64);

    /** Longest time a batch stays open after its first row. */
    private Duration period = Duration.ofSeconds(1);

    /** Random spread of the period, a fraction in [0, 1), so that instances started together do not insert in step. */
    private double periodBias = 0.1;

    /** Total time a batch may spend retrying after retryable failures; zero disables retries. */
    private Duration retryBudget = Duration.ofMinutes(1);

    /**
     * Cap on the bytes held across all pending batches of one table (default 4 x max-bytes, at most a quarter of the
     * heap, never below max-bytes).
     */
    private DataSize maxBufferedBytes;

    /** How long a write waits for buffer room before it fails. */
    private Duration writeTimeout = Duration.ofSeconds(10);

    /** Directory where failed batches are spooled, one sub-directory per table (default in java.io.tmpdir). */
    private Path spoolDirectory;

    /** How long closing the application waits for pending batches before spooling the rest. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /** Per-table overrides of these options, by table name. */
    private Map<String, Table> tables = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isLazyInitialization() {
        return lazyInitialization;
    }

    public void setLazyInitialization(boolean lazyInitialization) {
        this.lazyInitialization = lazyInitialization;
    }

    public long getMaxRows() {
        return maxRows;
    }

    public void setMaxRows(long maxRows) {
        this.maxRows = maxRows;
    }

    public DataSize getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(DataSize maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Duration getPeriod() {
        return period;
    }

    public void setPeriod(Duration period) {
        this.period = period;
    }

    public double getPeriodBias() {
        return periodBias;
    }

    public void setPeriodBias(double periodBias) {
        this.periodBias = periodBias;
    }

    public Duration getRetryBudget() {
        return retryBudget;
    }

    public void setRetryBudget(Duration retryBudget) {
        this.retryBudget = retryBudget;
    }

    public DataSize getMaxBufferedBytes() {
        return maxBufferedBytes;
    }

    public void setMaxBufferedBytes(DataSize maxBufferedBytes) {
        this.maxBufferedBytes = maxBufferedBytes;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public Path getSpoolDirectory() {
        return spoolDirectory;
    }

    public void setSpoolDirectory(Path spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Map<String, Table> getTables() {
        return tables;
    }

    public void setTables(Map<String, Table> tables) {
        this.tables = tables;
    }

    /** The options of one table: each unset one falls back to the clickhouse.inserter.* default. */
    public Options forTable(String table) {
        Table t = tables.getOrDefault(table, new Table());
        return new Options(
                t.maxRows != null ? t.maxRows : maxRows,
                (t.maxBytes != null ? t.maxBytes : maxBytes).toBytes(),
                t.period != null ? t.period : period,
                t.periodBias != null ? t.periodBias : periodBias,
                t.retryBudget != null ? t.retryBudget : retryBudget,
                t.maxBufferedBytes != null ? t.maxBufferedBytes : maxBufferedBytes,
                t.writeTimeout != null ? t.writeTimeout : writeTimeout,
                t.spoolDirectory != null ? t.spoolDirectory
                        : spoolDirectory != null ? spoolDirectory.resolve(table) : null,
                t.shutdownTimeout != null ? t.shutdownTimeout : shutdownTimeout);
    }

    /**
     * The effective options of one table.
     *
     * @param maxRows rows per batch at most
     * @param maxBytes bytes per batch at most
     * @param period longest time a batch stays open
     * @param periodBias random spread of the period
     * @param retryBudget total retry time of a batch
     * @param maxBufferedBytes memory cap, or {@code null} for the Inserter's default
     * @param writeTimeout longest wait of a write for buffer room
     * @param spoolDirectory this table's spool directory, or {@code null} for the Inserter's default
     * @param shutdownTimeout longest wait for pending batches on close
     */
    public record Options(long maxRows, long maxBytes, Duration period, double periodBias, Duration retryBudget,
            DataSize maxBufferedBytes, Duration writeTimeout, Path spoolDirectory, Duration shutdownTimeout) {
    }

    /** Overrides for one table; unset options keep the clickhouse.inserter.* defaults. */
    public static class Table {

        /** Rows per batch at most. */
        private Long maxRows;

        /** RowBinary bytes per batch at most. */
        private DataSize maxBytes;

        /** Longest time a batch stays open after its first row. */
        private Duration period;

        /** Random spread of the period, a fraction in [0, 1). */
        private Double periodBias;

        /** Total time a batch may spend retrying; zero disables retries. */
        private Duration retryBudget;

        /** Cap on the bytes held across all pending batches of this table. */
        private DataSize maxBufferedBytes;

        /** How long a write waits for buffer room before it fails. */
        private Duration writeTimeout;

        /** Directory where this table's failed batches are spooled. */
        private Path spoolDirectory;

        /** How long closing the application waits for this table's pending batches. */
        private Duration shutdownTimeout;

        public Long getMaxRows() {
            return maxRows;
        }

        public void setMaxRows(Long maxRows) {
            this.maxRows = maxRows;
        }

        public DataSize getMaxBytes() {
            return maxBytes;
        }

        public void setMaxBytes(DataSize maxBytes) {
            this.maxBytes = maxBytes;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }

        public Double getPeriodBias() {
            return periodBias;
        }

        public void setPeriodBias(Double periodBias) {
            this.periodBias = periodBias;
        }

        public Duration getRetryBudget() {
            return retryBudget;
        }

        public void setRetryBudget(Duration retryBudget) {
            this.retryBudget = retryBudget;
        }

        public DataSize getMaxBufferedBytes() {
            return maxBufferedBytes;
        }

        public void setMaxBufferedBytes(DataSize maxBufferedBytes) {
            this.maxBufferedBytes = maxBufferedBytes;
        }

        public Duration getWriteTimeout() {
            return writeTimeout;
        }

        public void setWriteTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
        }

        public Path getSpoolDirectory() {
            return spoolDirectory;
        }

        public void setSpoolDirectory(Path spoolDirectory) {
            this.spoolDirectory = spoolDirectory;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }
}
