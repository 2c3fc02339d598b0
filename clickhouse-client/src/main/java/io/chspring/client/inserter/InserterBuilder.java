package io.chspring.client.inserter;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Options of an {@link Inserter}. A batch is sent when it reaches {@link #maxRows}, {@link #maxBytes}, or
 * when {@link #period} (randomly stretched or shrunk by {@link #periodBias}) has passed since its first row.
 *
 * @param <T> the row type
 */
public final class InserterBuilder<T> {

    private final String table;
    private final List<String> columns;
    private final RowEncoder<T> encoder;
    private final BatchSender sender;
    private long maxRows = 500_000;
    private long maxBytes = 64L << 20;
    private Duration period = Duration.ofSeconds(1);
    private double periodBias = 0.1;
    private long maxBufferedBytes = -1;
    private Duration writeTimeout = Duration.ofSeconds(10);
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration retryBudget = Duration.ofMinutes(1);
    private Duration closeTimeout = Duration.ofSeconds(30);
    private boolean shutdownHook = true;
    private String inserterId;
    private List<String> columnTypes = List.of();
    private Function<? super ClickHouseException, ? extends RuntimeException> exceptionTranslator;
    private Path spoolDirectory;
    private InserterFailureHandler failureHandler;
    private InserterListener listener = new InserterListener() { };
    private InstantSource clock = InstantSource.system();
    private InserterScheduler scheduler;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    InserterBuilder(String table, List<String> columns, RowEncoder<T> encoder, BatchSender sender) {
        this.table = requireText(table, "table");
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (this.columns.isEmpty()) {
            throw new ClickHouseConfigurationException("Inserter for table '" + table + "': columns must not be empty");
        }
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /**
     * The ClickHouse types the encoder writes, one per column in order (what {@code DESCRIBE TABLE} printed). Each
     * batch then carries them, and the client's sender does not let a table altered since store the rows as
     * garbage: servers from 21.10 check them in a {@code RowBinaryWithNamesAndTypes} header, older ones are asked
     * for the table's columns before each batch (one small query). A batch refused so fails, is not retried and
     * goes to the failure handler with the reason. {@code ClickHouseClient.inserter(table, type)} sets them.
     */
    public InserterBuilder<T> columnTypes(List<String> types) {
        List<String> copy = List.copyOf(Objects.requireNonNull(types, "types"));
        if (copy.size() != columns.size()) {
            throw new ClickHouseConfigurationException("Inserter for table '" + table + "': " + copy.size()
                    + " column types for " + columns.size() + " columns " + columns);
        }
        this.columnTypes = copy;
        return this;
    }

    /**
     * Translates the errors {@code write}, {@code writeAll} and {@code flush} throw, for an inserter that is a
     * Spring bean: the Boot starter sets Spring Data's {@code ClickHouseExceptionTranslator}, so callers see
     * {@code DataAccessException}s as repositories throw them. A translator answering {@code null} keeps the
     * original. Errors handed to the failure handler and listener are not translated.
     */
    public InserterBuilder<T> exceptionTranslator(
            Function<? super ClickHouseException, ? extends RuntimeException> exceptionTranslator) {
        this.exceptionTranslator = Objects.requireNonNull(exceptionTranslator, "exceptionTranslator");
        return this;
    }

    /** Rows per batch at most (default 500,000). */
    public InserterBuilder<T> maxRows(long maxRows) {
        this.maxRows = positive(maxRows, "maxRows");
        return this;
    }

    /** RowBinary bytes per batch at most (default 64 MiB); a single larger row makes a batch of its own. */
    public InserterBuilder<T> maxBytes(long maxBytes) {
        this.maxBytes = positive(maxBytes, "maxBytes");
        return this;
    }

    /** Longest time a batch stays open after its first row (default 1 s). */
    public InserterBuilder<T> period(Duration period) {
        this.period = positive(period, "period");
        return this;
    }

    /**
     * Random spread of {@link #period}, as a fraction in {@code [0, 1)} (default 0.1: each batch waits
     * between 0.9 and 1.1 periods), so that many instances started together do not insert in step.
     */
    public InserterBuilder<T> periodBias(double periodBias) {
        if (!(periodBias >= 0 && periodBias < 1)) {
            throw new ClickHouseConfigurationException("Inserter option periodBias must be in [0, 1), was " + periodBias);
        }
        this.periodBias = periodBias;
        return this;
    }

    /**
     * Cap on bytes held across all pending batches; must be at least maxBytes. Default: 4 x maxBytes, but at most a
     * quarter of the JVM's maximum heap and never below maxBytes (256 MiB with the default maxBytes in heaps of 1 GiB
     * and more; 64 MiB, one batch, in a 256 MiB heap). Batches sent through a client that compresses request bodies
     * are held compressed, so more rows fit under the cap. The inserter's heap is this cap plus about 2 MiB (the open
     * chunk and, with LZ4, a compression buffer) plus one encoded row per writer thread; see the README.
     */
    public InserterBuilder<T> maxBufferedBytes(long maxBufferedBytes) {
        this.maxBufferedBytes = positive(maxBufferedBytes, "maxBufferedBytes");
        return this;
    }

    /** How long {@code write} waits for buffer room before it fails (default 10 s). */
    public InserterBuilder<T> writeTimeout(Duration writeTimeout) {
        this.writeTimeout = notNegative(writeTimeout, "writeTimeout");
        return this;
    }

    /** Retry backoff: the cap of the first wait and of any wait (defaults 100 ms and 10 s). */
    public InserterBuilder<T> backoff(Duration initial, Duration max) {
        this.initialBackoff = positive(initial, "initialBackoff");
        this.maxBackoff = positive(max, "maxBackoff");
        return this;
    }

    /** Total time a batch may spend retrying, from its first attempt (default 1 min); zero disables retries. */
    public InserterBuilder<T> retryBudget(Duration retryBudget) {
        this.retryBudget = notNegative(retryBudget, "retryBudget");
        return this;
    }

    /** How long {@code close()} waits for pending batches before spooling the rest (default 30 s). */
    public InserterBuilder<T> closeTimeout(Duration closeTimeout) {
        this.closeTimeout = notNegative(closeTimeout, "closeTimeout");
        return this;
    }

    /** Whether a JVM shutdown hook closes the inserter (default true). */
    public InserterBuilder<T> shutdownHook(boolean shutdownHook) {
        this.shutdownHook = shutdownHook;
        return this;
    }

    /** Prefix of every batch's dedup token; default a random 16-hex-digit id per inserter. */
    public InserterBuilder<T> inserterId(String inserterId) {
        this.inserterId = requireText(inserterId, "inserterId");
        return this;
    }

    /**
     * Directory where the default failure handler spools failed batches (default
     * {@code ${java.io.tmpdir}/chspring-spool/<table>}). Ignored when a {@link #failureHandler} is set.
     */
    public InserterBuilder<T> spoolDirectory(Path spoolDirectory) {
        this.spoolDirectory = Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        return this;
    }

    /** Replaces the default {@link SpoolDirectory} as the keeper of failed batches. */
    public InserterBuilder<T> failureHandler(InserterFailureHandler failureHandler) {
        this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
        return this;
    }

    /** Receives a callback on every commit and every failed attempt. */
    public InserterBuilder<T> listener(InserterListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    InserterBuilder<T> clock(InstantSource clock) {
        this.clock = clock;
        return this;
    }

    InserterBuilder<T> scheduler(InserterScheduler scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    InserterBuilder<T> random(DoubleSupplier random) {
        this.random = random;
        return this;
    }

    /** Starts the inserter (its sender thread, and the shutdown hook unless disabled). */
    public Inserter<T> build() {
        long buffered = maxBufferedBytes > 0 ? maxBufferedBytes
                : defaultMaxBufferedBytes(maxBytes, Runtime.getRuntime().maxMemory());
        if (buffered < maxBytes) {
            throw new ClickHouseConfigurationException("Inserter for table '" + table + "': maxBufferedBytes ("
                    + buffered + ") must be at least maxBytes (" + maxBytes + ")");
        }
        String id = inserterId != null ? inserterId : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        InserterConfig config = new InserterConfig(table, columns, maxRows, maxBytes, period, periodBias, buffered,
                writeTimeout, initialBackoff, maxBackoff, retryBudget, closeTimeout, shutdownHook, id, columnTypes,
                exceptionTranslator);
        InserterFailureHandler handler = failureHandler != null ? failureHandler
                : SpoolDirectory.of(spoolDirectory != null ? spoolDirectory : SpoolDirectory.defaultFor(table));
        InserterScheduler worker = scheduler != null ? scheduler
                : new InserterDaemonScheduler("chspring-inserter-" + table + "-" + id);
        return new Inserter<>(config, encoder, sender, handler, listener, clock, worker, random);
    }

    /**
     * 4 x maxBytes lets one batch be sent while the next ones fill and a slow insert be ridden out; a quarter of the
     * heap keeps an inserter with the default 64 MiB batches from taking a small heap for itself (4 x 64 MiB did not
     * fit in 128 MiB: OutOfMemoryError, benchmarks/RESULTS.md); maxBytes is the floor, as one batch must fit.
     */
    static long defaultMaxBufferedBytes(long maxBytes, long maxHeap) {
        long fourBatches = maxBytes > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : maxBytes * 4;
        return Math.max(maxBytes, Math.min(fourBatches, maxHeap / 4));
    }

    private static String requireText(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new ClickHouseConfigurationException("Inserter option " + option + " must not be blank");
        }
        return value;
    }

    private static long positive(long value, String option) {
        if (value <= 0) {
            throw new ClickHouseConfigurationException("Inserter option " + option + " must be positive, was " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, String option) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ClickHouseConfigurationException("Inserter option " + option + " must be positive, was " + value);
        }
        return value;
    }

    private static Duration notNegative(Duration value, String option) {
        if (value == null || value.isNegative()) {
            throw new ClickHouseConfigurationException("Inserter option " + option + " must not be negative, was " + value);
        }
        return value;
    }
}
