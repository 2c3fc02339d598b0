package io.chspring.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the engine keeps its data: a directory, or nothing for a memory-only engine. chDB's memory mode (no
 * {@code --path}) keeps its tables in a temporary directory of its own, {@code /tmp/clickhouse-embedded-<uuid>},
 * which it deletes when the process ends.
 *
 * @param directory the absolute, normalized data directory, or {@code null} for memory-only
 */
record ChdbLocation(Path directory) {

    /** The memory-only engine. */
    static final ChdbLocation MEMORY = new ChdbLocation(null);

    ChdbLocation {
        directory = directory == null ? null : directory.toAbsolutePath().normalize();
    }

    static ChdbLocation of(Path directory) {
        return new ChdbLocation(Objects.requireNonNull(directory, "directory"));
    }

    boolean isMemory() {
        return directory == null;
    }

    String[] argv() {
        return ChdbEngine.argv(directory);
    }

    @Override
    public String toString() {
        return isMemory() ? "chdb::memory:" : "chdb:" + directory;
    }
}
