package io.chspring.it;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Batch;
import io.chspring.client.inserter.InserterListener;
import io.chspring.client.inserter.InserterStats;
import io.chspring.client.inserter.RowEncoder;
import io.chspring.client.inserter.SpoolDirectory;
import io.chspring.client.inserter.SpooledBatch;
import io.chspring.client.rowbinary.RowBinaryCodecs;
import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.rowbinary.ValueCodec;
import io.chspring.client.type.ClickHouseType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The row type of the Inserter integration tests, its hand-written RowBinary encoder (built from the codec's
 * {@link ValueCodec}s, as an application without the mapping layer would write one), and small helpers.
 * Every row's name and value follow from its id, so the server can check each row's content with SQL.
 */
final class InserterTestEvents {

    /** One row; {@code name} is {@code "event-" + id} and {@code value} is {@code id % 1000}. */
    record Event(long id, String name, long value) {

        static Event of(long id) {
            return new Event(id, "event-" + id, id % 1000);
        }
    }

    static final List<String> COLUMNS = List.of("id", "name", "value");

    private static final ValueCodec<Long> ID = RowBinaryCodecs.codec(ClickHouseType.parse("UInt64"), long.class);
    private static final ValueCodec<String> NAME = RowBinaryCodecs.codec(ClickHouseType.parse("String"), String.class);
    private static final ValueCodec<Long> VALUE = RowBinaryCodecs.codec(ClickHouseType.parse("UInt32"), long.class);

    /** Writes id, name, value; the 64-byte buffer holds any row of these tests in one go. */
    static final RowEncoder<Event> ENCODER = (event, out) -> {
        RowBinaryOutput row = new RowBinaryOutput(out, 64);
        ID.writeLong(row, event.id());
        NAME.write(row, event.name());
        VALUE.writeLong(row, event.value());
        row.flush();
    };

    private InserterTestEvents() {
    }

    static String createTable(String table) {
        return "CREATE TABLE " + table + " (id UInt64, name String, value UInt32) ENGINE = MergeTree ORDER BY id";
    }

    /** RowBinary size of one event. */
    static int encodedSize(Event event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ENCODER.encode(event, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    /**
     * {@code count, uniqExact(id), sum(id), rows whose name or value does not follow from their id}, as one
     * tab-separated line: the content check of every test.
     */
    static String contentSummary(ClickHouseClient client, String table) {
        return client.query("SELECT count(), uniqExact(id), sum(id), "
                + "countIf(name != concat('event-', toString(id)) OR value != id % 1000) FROM " + table)
                .fetchString("TabSeparated").strip();
    }

    static long count(ClickHouseClient client, String table) {
        return Long.parseLong(client.query("SELECT count() FROM " + table).fetchString("TabSeparated").strip());
    }

    /** Sum of 0..n-1. */
    static long sumBelow(long n) {
        return n * (n - 1) / 2;
    }

    /** Rows held in the spool files of {@code directory}. */
    static long spooledRows(Path directory) {
        return SpoolDirectory.of(directory).files().stream().map(SpoolDirectory::read).mapToLong(SpooledBatch::rows).sum();
    }

    /** Records every commit and every failed attempt. */
    static final class Recorder implements InserterListener {

        final List<Batch> commits = new CopyOnWriteArrayList<>();
        final List<InserterStats> statsAtCommit = new CopyOnWriteArrayList<>();
        final List<Boolean> failures = new CopyOnWriteArrayList<>();

        @Override
        public void onCommit(Batch batch, InserterStats stats) {
            commits.add(batch);
            statsAtCommit.add(stats);
        }

        @Override
        public void onFailure(Batch batch, io.chspring.client.ClickHouseException error, boolean willRetry) {
            failures.add(willRetry);
        }

        List<Long> committedRows() {
            return commits.stream().map(Batch::rows).toList();
        }
    }
}
