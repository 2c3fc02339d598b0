package io.chspring.arrow;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.insert.InsertSummary;
import io.chspring.client.insert.RawInsert;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;

/**
 * One {@code INSERT INTO table (columns) FORMAT ArrowStream} whose body is written from Arrow batches as they come,
 * through the client's streaming insert: chunked, LZ4-framed when the client compresses request bodies, never
 * buffered whole. The columns are the batches' field names, so the table's other columns take their defaults and
 * the order of the fields does not matter. A mutable builder, used once, not thread-safe.
 */
public final class ArrowInsert {

    private final ClickHouseClient client;
    private final RawInsert insert;

    ArrowInsert(ClickHouseClient client, String table) {
        this.client = client;
        this.insert = client.insert(Objects.requireNonNull(table, "table"));
    }

    /** A ClickHouse setting for this insert, for example {@code input_format_arrow_case_insensitive_column_matching}. */
    public ArrowInsert setting(String name, Object value) {
        insert.setting(name, value);
        return this;
    }

    /** Several settings, in the map's order. */
    public ArrowInsert settings(Map<String, ?> values) {
        insert.settings(values);
        return this;
    }

    /** The query id; a random one when not set. */
    public ArrowInsert queryId(String id) {
        insert.queryId(id);
        return this;
    }

    /** Runs the insert in a server session. */
    public ArrowInsert session(String id) {
        insert.session(id);
        return this;
    }

    /** The longest wait for response bytes, instead of the client's response timeout. */
    public ArrowInsert timeout(Duration value) {
        insert.timeout(value);
        return this;
    }

    /** Inserts the rows {@code batch} holds now, as one record batch. Returns when the server has stored them. */
    public InsertSummary send(VectorSchemaRoot batch) {
        Objects.requireNonNull(batch, "batch");
        return send(batch, null, ArrowBatchSink::writeBatch);
    }

    /**
     * Inserts every batch {@code batches} yields, one at a time (its root is refilled per batch), with its
     * dictionaries. The reader is left open at its end; closing it is the caller's.
     */
    public InsertSummary send(ArrowReader batches) {
        Objects.requireNonNull(batches, "batches");
        VectorSchemaRoot root;
        try {
            root = batches.getVectorSchemaRoot();
        } catch (IOException e) {
            throw new ClickHouseException("Insert in FORMAT ArrowStream: reading the schema of the batches failed: "
                    + e.getMessage(), e);
        }
        return send(root, batches, sink -> {
            while (batches.loadNextBatch()) {
                sink.writeBatch();
            }
        });
    }

    /**
     * Inserts the batches {@code producer} writes: it fills {@code root} and calls {@link ArrowBatchSink#writeBatch()}
     * per batch, so that any number of rows go in one INSERT with one batch in memory. An exception from the
     * producer aborts the request; as with every streaming insert, blocks the server completed before may stay stored.
     */
    public InsertSummary send(VectorSchemaRoot root, ArrowBatchProducer producer) {
        return send(root, null, producer);
    }

    private InsertSummary send(VectorSchemaRoot root, @Nullable DictionaryProvider dictionaries,
            ArrowBatchProducer producer) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(producer, "producer");
        List<String> columns = new ArrayList<>();
        for (Field field : root.getSchema().getFields()) {
            columns.add(field.getName());
        }
        if (columns.isEmpty()) {
            throw new ClickHouseConfigurationException("Insert in FORMAT ArrowStream: the batches have no fields");
        }
        ArrowFormat.requireSupport(client, "An insert");
        return insert.columns(columns).format(ArrowFormat.NAME).send(out -> {
            // The writer must not close the client's body stream; and on failure it is not closed at all, because
            // closing an Arrow writer ends the stream, which would let the server take a partial body as complete.
            ArrowStreamWriter writer = new ArrowStreamWriter(root, dictionaries, new KeptOpen(out));
            Sink sink = new Sink(writer, root);
            writer.start();
            producer.produce(sink);
            writer.end();
            writer.close();
        });
    }

    /** Counts what the producer wrote. */
    private static final class Sink implements ArrowBatchSink {

        private final ArrowStreamWriter writer;
        private final VectorSchemaRoot root;
        private long batches;
        private long rows;

        Sink(ArrowStreamWriter writer, VectorSchemaRoot root) {
            this.writer = writer;
            this.root = root;
        }

        @Override
        public void writeBatch() throws IOException {
            writer.writeBatch();
            batches++;
            rows += root.getRowCount();
        }

        @Override
        public long batches() {
            return batches;
        }

        @Override
        public long rows() {
            return rows;
        }
    }

    /** The client's body stream, which its owner closes. */
    private static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
