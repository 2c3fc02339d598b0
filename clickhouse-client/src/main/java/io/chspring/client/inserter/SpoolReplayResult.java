package io.chspring.client.inserter;

import java.nio.file.Path;
import java.util.List;

/**
 * What a replay of a spool directory did.
 *
 * @param replayedBatches batches committed and whose files were deleted
 * @param replayedRows rows in those batches
 * @param failedFiles files left in place because sending or reading them failed (each logged at WARN)
 */
public record SpoolReplayResult(int replayedBatches, long replayedRows, List<Path> failedFiles) {

    /** Copies the list. */
    public SpoolReplayResult {
        failedFiles = List.copyOf(failedFiles);
    }

    /** Whether every spooled batch was replayed. */
    public boolean isComplete() {
        return failedFiles.isEmpty();
    }
}
