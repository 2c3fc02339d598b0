package io.chspring.benchmarks;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.query.RowCursor;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Our client: streaming {@code Insert}, the {@code Inserter} fed by several threads, the streaming cursor. */
final class OurScenarios {

    private OurScenarios() {
    }

    static ClickHouseClient client(E2eFork.Target t) {
        return ClickHouseClient.fromUrl(t.baseUrl() + "/bench?compression=" + (t.lz4() ? "lz4" : "none"));
    }

    static long insert(E2eFork.Target t) {
        try (ClickHouseClient client = client(t); Insert<Event> insert = client.insert(t.table(), Event.class)) {
            for (long i = 0; i < t.rows(); i++) {
                insert.write(t.events().row(i));
            }
            insert.end();
            return insert.rowCount();
        }
    }

    static long inserter(E2eFork.Target t, int threads) throws InterruptedException {
        try (ClickHouseClient client = client(t)) {
            MappedRowEncoder<Event> encoder = MappedRowEncoder.of(RowType.of(Event.class),
                    client.describeTable(t.table()), MappingOptions.DEFAULT);
            List<String> columns = encoder.columnNames();
            // The documented factory (the client's own batch sender), as an application builds it.
            Inserter<Event> inserter = client.inserter(t.table(), columns, encoder::encode)
                    .closeTimeout(Duration.ofMinutes(10)).shutdownHook(false).build();
            try (inserter) {
                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    // Each writer takes its own contiguous part of the sequence, as an application's threads each
                    // handle their own objects (interleaving rows i, i + 4, ... across threads made every thread
                    // miss the cache on each row it loaded: 0.6-0.7 CPU s more per 5M rows on 2 cores).
                    long from = t.rows() * w / threads;
                    long to = t.rows() * (w + 1) / threads;
                    Thread thread = new Thread(() -> {
                        for (long i = from; i < to; i++) {
                            inserter.write(t.events().row(i));
                        }
                    }, "bench-writer-" + w);
                    thread.start();
                    workers.add(thread);
                }
                for (Thread thread : workers) {
                    thread.join();
                }
                inserter.flush();
                if (inserter.stats().failures() != 0) {
                    throw new IllegalStateException(inserter.stats() + "");
                }
                return inserter.stats().committedRows();
            }
        }
    }

    /** The one client of {@link #readRepeated}, kept for the JVM's life so its result-shape cache survives a pass. */
    private static ClickHouseClient repeatedReader;

    /**
     * {@link #read} through one client for every pass of the JVM: on 18.16 the first pass asks DESCRIBE, later passes
     * are the repeated typed read (the columns checked against the Native header, or by the server's wrapper).
     */
    static synchronized long readRepeated(E2eFork.Target t) {
        if (repeatedReader == null) {
            repeatedReader = client(t);
        }
        return readAll(repeatedReader, t.table());
    }

    static long read(E2eFork.Target t) {
        try (ClickHouseClient client = client(t)) {
            return readAll(client, t.table());
        }
    }

    /** Every row of {@code table} through the typed cursor, each row touched so that decoding cannot be skipped. */
    private static long readAll(ClickHouseClient client, String table) {
        long rows = 0;
        long check = 0;
        try (RowCursor<Event> cursor = client.query("SELECT * FROM " + table).fetch(Event.class)) {
            for (Event e : cursor) {
                rows++;
                check += e.tags().length;
            }
        }
        return check >= 0 ? rows : -1;
    }

    /**
     * The floor of a cold read (ColdReadBench): the same response through our transport (LZ4 frames decoded when on),
     * its bytes counted, no row decoded; returns the byte count. Sends no DESCRIBE, as an untyped read does not.
     */
    static long readBytes(E2eFork.Target t) throws IOException {
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ClickHouseClient client = client(t);
                InputStream in = client.query("SELECT * FROM " + t.table()).fetchBytes("RowBinary")) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
            }
        }
        return bytes;
    }
}
