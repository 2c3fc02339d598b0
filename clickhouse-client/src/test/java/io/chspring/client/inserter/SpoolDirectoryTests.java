package io.chspring.client.inserter;

import static io.chspring.client.inserter.InserterTestSender.LONG_ENCODER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDirectoryTests {

    @TempDir
    Path dir;

    private static BatchBuffer batch(String token, Instant createdAt, List<String> columns, int rows) {
        BatchBuffer batch = new BatchBuffer("db.events", columns, 1, token, createdAt);
        byte[] row = new byte[3000]; // crosses the 4 KiB first chunk and the following ones
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (byte) (r * 31 + i);
            }
            batch.appendRow(row, row.length);
        }
        return batch;
    }

    private static byte[] payload(Batch batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        batch.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void roundTripKeepsPayloadAndMetadata() throws IOException {
        List<String> columns = List.of("id", "`odd, name`", "ünïcode", "a=b:c");
        BatchBuffer original = batch("abc-7", Instant.parse("2025-03-01T10:15:30.123Z"), columns, 5);
        Path file = SpoolDirectory.of(dir).spool(original, "Code: 27\nline two");

        assertThat(file.getFileName().toString()).isEqualTo("batch-1740824130123-abc-7.chbatch");
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file); // no temporary file left behind
        }
        SpooledBatch read = SpoolDirectory.read(file);
        assertThat(read.table()).isEqualTo("db.events");
        assertThat(read.columns()).isEqualTo(columns);
        assertThat(read.dedupToken()).isEqualTo("abc-7");
        assertThat(read.rows()).isEqualTo(5);
        assertThat(read.bytes()).isEqualTo(15_000);
        assertThat(read.createdAt()).isEqualTo(original.createdAt());
        assertThat(read.lastError()).isEqualTo("Code: 27\nline two");
        assertThat(payload(read)).isEqualTo(payload(original));
        assertThat(payload(read)).isEqualTo(payload(read)); // repeatable, one per attempt
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        Path file = SpoolDirectory.of(dir).spool(batch("t-1", Instant.EPOCH, List.of("id"), 2), "x");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 1);
        }
        assertThatThrownBy(() -> SpoolDirectory.read(file))
                .isInstanceOf(ClickHouseException.class)
                .hasMessageContaining("is not a complete spooled batch")
                .hasMessageContaining("5999 payload bytes, its header says 6000");
    }

    @Test
    void aForeignFileIsRejected() throws IOException {
        Path file = Files.write(dir.resolve("batch-0-x.chbatch"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertThatThrownBy(() -> SpoolDirectory.read(file)).hasMessageContaining("does not start with CHSPOOL1");
    }

    @Test
    void replaySendsOldestFirstAndDeletesOnlyWhatWasCommitted() throws IOException {
        SpoolDirectory spool = SpoolDirectory.of(dir);
        spool.spool(batch("b-2", Instant.ofEpochMilli(2000), List.of("id"), 1), "e");
        spool.spool(batch("b-1", Instant.ofEpochMilli(1000), List.of("id"), 2), "e");
        spool.spool(batch("b-3", Instant.ofEpochMilli(3000), List.of("id"), 3), "e");
        Files.write(dir.resolve(".batch-9-z.chbatch.tmp"), new byte[] {1}); // a crash mid-write

        InserterTestSender sender = new InserterTestSender();
        BatchSender recording = batch -> {
            if (batch.dedupToken().equals("b-2")) {
                throw new ClickHouseServerException("Too many parts", 252, "TOO_MANY_PARTS", 500, "q", true);
            }
            sender.send(batch);
        };
        SpoolReplayResult result = spool.replay(recording);

        assertThat(result.replayedBatches()).isEqualTo(2);
        assertThat(result.replayedRows()).isEqualTo(5);
        assertThat(result.isComplete()).isFalse();
        assertThat(result.failedFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("batch-0000000002000-b-2.chbatch");
        assertThat(spool.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("batch-0000000002000-b-2.chbatch");
        assertThat(sender.committed()).extracting(InserterTestSender.Attempt::token).containsExactly("b-1", "b-3");
        assertThat(sender.committed()).extracting(InserterTestSender.Attempt::rows).containsExactly(2L, 3L);
        assertThat(Files.exists(dir.resolve(".batch-9-z.chbatch.tmp"))).isTrue();
    }

    @Test
    void aBatchSpooledByTheInserterReplaysWithItsTokenAndBytes() {
        InserterTestScheduler scheduler = new InserterTestScheduler();
        InserterTestSender failing = new InserterTestSender();
        failing.failNext(() -> new ClickHouseServerException("No such column x", 16, "NO_SUCH_COLUMN_IN_TABLE", 400,
                "q", false));
        try (Inserter<Long> inserter = Inserter.builder("events", List.of("id"), LONG_ENCODER, failing)
                .clock(scheduler).scheduler(scheduler).shutdownHook(false).period(Duration.ofHours(1))
                .spoolDirectory(dir).inserterId("crash").build()) {
            inserter.write(41L);
            inserter.write(42L);
            assertThatThrownBy(inserter::flush).hasMessageContaining("No such column x");
        } finally {
            scheduler.shutdown();
        }

        InserterTestSender replayed = new InserterTestSender();
        SpoolReplayResult result = Inserter.replay(dir, replayed);

        assertThat(result.replayedBatches()).isEqualTo(1);
        assertThat(result.isComplete()).isTrue();
        assertThat(replayed.committed()).singleElement().satisfies(a -> {
            assertThat(a.token()).isEqualTo("crash-1");
            assertThat(a.table()).isEqualTo("events");
            assertThat(a.payload()).isEqualTo(failing.attempts().get(0).payload());
        });
        assertThat(replayed.committedValues()).containsExactly(41L, 42L);
        assertThat(SpoolDirectory.of(dir).files()).isEmpty();
    }
}
