package io.chspring.embedded;

import io.chspring.client.ClickHouseConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code libchdb.so}: the system property {@value #PROPERTY}, the environment variable {@value #ENV}, the
 * per-version cache that {@code clickhouse-embedded/fetch-libchdb.sh} fills
 * ({@code ~/.cache/chdb/<version>/package/libchdb.so}), then the system library path (left to the dynamic loader).
 */
final class ChdbLibraryLocator {

    /** System property naming the library file. */
    static final String PROPERTY = "chspring.chdb.library";

    /** Environment variable naming the library file. */
    static final String ENV = "CHDB_LIBRARY";

    /** The chDB release this module is built and tested against (npm {@code @chdb/lib-linux-x64-gnu}). */
    static final String VERSION = "26.5.3";

    /** The exact commands that put the library where it is looked for. */
    static final String FETCH_HINT = "Fetch it with clickhouse-embedded/fetch-libchdb.sh from the chspring sources, "
            + "which runs: mkdir -p ~/.cache/chdb/" + VERSION + " && cd ~/.cache/chdb/" + VERSION
            + " && npm pack @chdb/lib-linux-x64-gnu@" + VERSION + " && tar -xzf chdb-lib-linux-x64-gnu-" + VERSION
            + ".tgz package/libchdb.so (about 167 MB to download); or point -D" + PROPERTY + "=/path/to/libchdb.so or "
            + ENV + " at a copy";

    private ChdbLibraryLocator() {
    }

    /** The library file to load, or empty when only the system library path is left to try. */
    static Optional<Path> locate(Map<String, String> env, String property, String userHome) {
        if (property != null && !property.isBlank()) {
            return Optional.of(existing(Path.of(property), "-D" + PROPERTY));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(existing(Path.of(fromEnv), ENV));
        }
        Path cached = cachePath(userHome);
        return Files.isRegularFile(cached) ? Optional.of(cached) : Optional.empty();
    }

    /** Where the fetch script caches the library for {@link #VERSION}. */
    static Path cachePath(String userHome) {
        return Path.of(userHome, ".cache", "chdb", VERSION, "package", "libchdb.so");
    }

    /** The error for a library found nowhere, listing every place looked at. */
    static ClickHouseConfigurationException notFound(String userHome, Throwable loaderError) {
        List<String> places = new ArrayList<>();
        places.add("-D" + PROPERTY + " (unset)");
        places.add(ENV + " (unset)");
        places.add(cachePath(userHome).toString());
        places.add("the system library path (" + (loaderError == null ? "not found" : loaderError.getMessage()) + ")");
        return new ClickHouseConfigurationException("chDB's libchdb.so was not found; looked at " + places + ". "
                + FETCH_HINT, loaderError);
    }

    private static Path existing(Path path, String source) {
        if (!Files.isRegularFile(path)) {
            throw new ClickHouseConfigurationException(source + " names " + path + ", which is not a file. "
                    + FETCH_HINT);
        }
        return path;
    }
}
