package io.chspring.embedded;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.transport.BodySink;
import io.chspring.client.transport.RequestBody;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an INSERT whose rows come from a {@link RequestBody} the binary-safe way: the body is streamed to a temporary
 * file, then {@code INSERT INTO t (cols) FROM INFILE '<file>' COMPRESSION 'none' FORMAT <f>} reads it. Inline data
 * after {@code FORMAT} is not safe: chDB cuts it at the first {@code \n\n} and drops the rest silently. The file is
 * deleted whatever happens; it needs as much disk as the body, never heap.
 */
final class InfileInsert {

    /** The client's INSERT text ends with its FORMAT clause ({@code RawInsert}). */
    private static final Pattern TRAILING_FORMAT = Pattern.compile("(?is)^(.*\\S)\\s+FORMAT\\s+([A-Za-z][A-Za-z0-9_]*)\\s*;?\\s*$");

    private InfileInsert() {
    }

    /** Spools the body to a fresh temporary file in {@code directory}; the caller deletes it. */
    static Path spool(RequestBody body, Path directory, String queryId) {
        Path file;
        try {
            file = Files.createTempFile(directory, "chspring-chdb-insert-", ".bin");
        } catch (IOException e) {
            throw new ClickHouseTransportException("Cannot create the temporary file for insert " + queryId + " in "
                    + directory + ": " + e.getMessage(), e, 0, queryId, false);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            body.writeTo(BodySink.plain(out)); // this engine takes bodies unframed: no frames come
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new ClickHouseTransportException("Writing the rows of insert " + queryId + " to " + file
                    + " failed: " + e.getMessage(), e, 0, queryId, false);
        }
        return file;
    }

    /** The INSERT rewritten to read {@code file}. */
    static String sql(String insert, Path file) {
        Matcher m = TRAILING_FORMAT.matcher(insert);
        if (!m.matches()) {
            throw new ClickHouseConfigurationException("An insert with rows must end with FORMAT <name> for the "
                    + "embedded engine, but the statement does not");
        }
        String path = file.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'");
        return m.group(1) + " FROM INFILE '" + path + "' COMPRESSION 'none' FORMAT " + m.group(2);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind in the temp directory; the insert's outcome stands, so this is only worth a warning.
            org.slf4j.LoggerFactory.getLogger(InfileInsert.class).warn("Cannot delete {}: {}", file, e.toString());
        }
    }
}
