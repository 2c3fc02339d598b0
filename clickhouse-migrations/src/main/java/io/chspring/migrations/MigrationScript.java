package io.chspring.migrations;

import io.chspring.client.sql.SqlScriptSplitter.Statement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * A parsed script: a versioned one ({@code V<version>__<description>.sql}) runs once, a repeatable one
 * ({@code R__<description>.sql}) again whenever its checksum changes. Statements are the raw ones (placeholders not
 * yet replaced), so that checksums do not change with an environment's placeholder values.
 */
record MigrationScript(MigrationType type, @Nullable MigrationVersion version, String description,
        MigrationResource resource, long checksum, List<Statement> statements) {

    String filename() {
        return resource.filename();
    }

    /** The name that identifies the script in the history: its version, or its description for a repeatable one. */
    String key() {
        return type == MigrationType.REPEATABLE ? "R:" + description : "V:" + version;
    }

    /**
     * The checksum of the first {@code count} statements (comments and blanks between statements do not count), to
     * check that the part of a script that already ran is unchanged when a failed run is resumed.
     */
    long prefixChecksum(int count) {
        return prefixChecksum(statements, count);
    }

    static long prefixChecksum(List<Statement> statements, int count) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < count && i < statements.size(); i++) {
            crc.update(statements.get(i).sql().getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        }
        return crc.getValue();
    }

    /** CRC32 of the text with line breaks normalized and a byte-order mark dropped, so that checkouts agree. */
    static long checksum(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
