package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;
import io.chspring.client.observation.BatchObservation;
import io.chspring.client.observation.BatchOutcome;
import io.chspring.client.observation.BatchStart;
import io.chspring.client.observation.ClickHouseObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link InserterFailureHandler}: writes each failed batch to its own file in a directory (see
 * the format in the file header: payload plus table, columns, dedup token, rows, times and last error) and
 * {@link #replay replays} them later. The dedup token travels with the file, so a replay after a crash is
 * deduplicated on servers that support {@code insert_deduplication_token}.
 */
public final class SpoolDirectory implements InserterFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SpoolDirectory.class);

    private final Path directory;

    private SpoolDirectory(Path directory) {
        this.directory = directory;
    }

    /** A spool in {@code directory}, created when the first batch is written. */
    public static SpoolDirectory of(Path directory) {
        return new SpoolDirectory(Objects.requireNonNull(directory, "directory"));
    }

    static Path defaultFor(String table) {
        return Path.of(System.getProperty("java.io.tmpdir"), "chspring-spool", table.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /** Spools the batch and logs where at WARN. */
    @Override
    public void handle(Batch batch, ClickHouseException error) {
        Path file = spool(batch, error.getMessage());
        log.warn("Inserter for table '{}': batch {} ({} rows) failed: {}. Spooled to {}; send it again with "
                + "Inserter.replay", batch.table(), batch.dedupToken(), batch.rows(), error.getMessage(), file);
    }

    /** Writes {@code batch} to a new spool file and returns it. */
    public Path spool(Batch batch, String lastError) {
        try {
            return SpoolFormat.write(directory, batch, lastError, Instant.now());
        } catch (IOException e) {
            throw new ClickHouseException("Cannot spool batch " + batch.dedupToken() + " (" + batch.rows()
                    + " rows for table '" + batch.table() + "') to " + directory + ": " + e, e);
        }
    }

    /** The complete spool files, oldest batch first; half-written temporary files are not listed. */
    public List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(SpoolFormat.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new ClickHouseException("Cannot list spool directory " + directory + ": " + e, e);
        }
    }

    /** Reads one spool file; throws when it is not a complete spooled batch. */
    public static SpooledBatch read(Path file) {
        return SpoolFormat.read(file);
    }

    /**
     * Sends every spooled batch with {@code sender}, oldest first, and deletes each file only after its batch
     * was committed. A file that fails stays and is reported; the others are still tried.
     */
    public SpoolReplayResult replay(BatchSender sender) {
        int batches = 0;
        long rows = 0;
        List<Path> failed = new ArrayList<>();
        for (Path file : files()) {
            SpooledBatch batch;
            try {
                batch = SpoolFormat.read(file);
            } catch (RuntimeException e) {
                log.warn("Replay of spool file {} failed, file kept: {}", file, e.toString());
                failed.add(file);
                continue;
            }
            BatchObservation observation = observe(sender.observer(), batch);
            BatchObservation.Scope scope = attempt(observation);
            try {
                sender.send(batch);
            } catch (RuntimeException e) {
                scope.close();
                end(observation, BatchOutcome.FAILED, e);
                log.warn("Replay of spool file {} failed, file kept: {}", file, e.toString());
                failed.add(file);
                continue;
            }
            scope.close();
            end(observation, BatchOutcome.COMMITTED, null);
            try {
                Files.delete(file);
            } catch (IOException e) {
                // The rows are in; a later replay sends them again, deduplicated only where the server
                // honours insert_deduplication_token.
                log.warn("Spool file {} was replayed (token {}) but cannot be deleted: {}; delete it by hand",
                        file, batch.dedupToken(), e.toString());
                failed.add(file);
            }
            batches++;
            rows += batch.rows();
        }
        return new SpoolReplayResult(batches, rows, failed);
    }

    private static BatchObservation.Scope attempt(BatchObservation observation) {
        try {
            return observation.attempt(1);
        } catch (RuntimeException e) {
            log.warn("Observing the replay of a batch failed", e);
            return BatchObservation.Scope.NONE;
        }
    }

    private static void end(BatchObservation observation, BatchOutcome outcome, @Nullable Throwable error) {
        try {
            observation.end(outcome, 1, error);
        } catch (RuntimeException e) {
            log.warn("Ending the observation of a replayed batch failed", e);
        }
    }

    private static BatchObservation observe(ClickHouseObserver observer, Batch batch) {
        if (observer == ClickHouseObserver.NONE) {
            return BatchObservation.NONE;
        }
        try {
            return observer.batch(new BatchStart(batch.table(), batch.rows(), batch.bytes(), batch.dedupToken(), true));
        } catch (RuntimeException e) {
            log.warn("ClickHouseObserver {} failed to start observing the replay of batch {}", observer,
                    batch.dedupToken(), e);
            return BatchObservation.NONE;
        }
    }

    @Override
    public String toString() {
        return "SpoolDirectory[" + directory + "]";
    }
}
