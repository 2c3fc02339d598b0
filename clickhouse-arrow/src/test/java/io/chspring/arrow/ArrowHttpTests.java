package io.chspring.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.test.mock.Handlers;
import io.chspring.test.mock.MockClickHouseServer;
import io.chspring.test.mock.RequestHandle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP path of Arrow reads and inserts, against {@link MockClickHouseServer} because no server on these machines
 * both speaks HTTP and has the Arrow formats (18.16 predates them; the embedded engine has no HTTP): what the module
 * asks a modern server for (the format, uncompressed Arrow buffers from 23.3 on, nothing extra before), and that
 * the client's LZ4 framing carries the Arrow bytes both ways.
 */
class ArrowHttpTests {

    private BufferAllocator allocator;

    @BeforeEach
    void allocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void noLeaks() {
        allocator.close();
    }

    @Test
    void asksAModernServerForUncompressedArrowAndReadsItThroughLz4() throws IOException {
        try (MockClickHouseServer mock = MockClickHouseServer.start("26.5.1.1");
             ClickHouseClient client = ClickHouseClient.fromUrl(mock.url())) {
            RequestHandle read = mock.add(Handlers.provideBytes(twoRows()));
            try (ArrowQueryReader reader = ClickHouseArrow.of(client).query("SELECT id, name FROM t").fetch(allocator)) {
                assertThat(reader.loadNextBatch()).isTrue();
                VectorSchemaRoot batch = reader.getVectorSchemaRoot();
                assertThat(((BigIntVector) batch.getVector("id")).get(1)).isEqualTo(2L);
                assertThat(batch.getVector("name").getObject(1)).hasToString("two");
                assertThat(reader.loadNextBatch()).isFalse();
            }
            assertThat(read.parameters())
                    .containsEntry("default_format", "ArrowStream")
                    .containsEntry("output_format_arrow_compression_method", "none")
                    .containsEntry("compress", "1");
        }
    }

    @Test
    void sendsNoCompressionSettingToServersWhoseArrowOutputIsUncompressedAnyway() throws IOException {
        try (MockClickHouseServer mock = MockClickHouseServer.start("22.8.1.1");
             ClickHouseClient client = ClickHouseClient.fromUrl(mock.url())) {
            RequestHandle read = mock.add(Handlers.provideBytes(twoRows()));
            try (ArrowQueryReader reader = ClickHouseArrow.of(client).query("SELECT id, name FROM t").fetch(allocator)) {
                assertThat(reader.loadNextBatch()).isTrue();
            }
            assertThat(read.parameters()).containsEntry("default_format", "ArrowStream")
                    .doesNotContainKey("output_format_arrow_compression_method");
        }
    }

    @Test
    void keepsTheCallersOwnArrowCompressionSetting() throws IOException {
        try (MockClickHouseServer mock = MockClickHouseServer.start("26.5.1.1");
             ClickHouseClient client = ClickHouseClient.fromUrl(mock.url())) {
            RequestHandle read = mock.add(Handlers.provideBytes(twoRows()));
            try (ArrowQueryReader reader = ClickHouseArrow.of(client).query("SELECT id, name FROM t")
                    .setting("output_format_arrow_compression_method", "zstd").fetch(allocator)) {
                assertThat(reader.queryId()).isNotBlank();
            }
            assertThat(read.parameters()).containsEntry("output_format_arrow_compression_method", "zstd");
        }
    }

    @Test
    void insertsArrowBytesInTheClientsLz4Frames() throws IOException {
        try (MockClickHouseServer mock = MockClickHouseServer.start("26.5.1.1");
             ClickHouseClient client = ClickHouseClient.fromUrl(mock.url());
             VectorSchemaRoot root = root()) {
            RequestHandle insert = mock.add(Handlers.recordRaw());
            ClickHouseArrow.of(client).insert("db.t").send(root);

            assertThat(insert.query()).isEqualTo("INSERT INTO `db`.`t` (`id`, `name`) FORMAT ArrowStream");
            assertThat(insert.parameters()).containsEntry("decompress", "1");
            try (ArrowStreamReader sent = new ArrowStreamReader(new ByteArrayInputStream(insert.body()), allocator)) {
                assertThat(sent.loadNextBatch()).isTrue();
                assertThat(sent.getVectorSchemaRoot().contentToTSVString()).isEqualTo("id\tname\n1\tone\n2\ttwo\n");
                assertThat(sent.loadNextBatch()).isFalse();
            }
        }
    }

    @Test
    void insertsPlainBytesWhenTheClientDoesNotCompress() throws IOException {
        try (MockClickHouseServer mock = MockClickHouseServer.start("26.5.1.1");
             ClickHouseClient client = ClickHouseClient.fromUrl(mock.url() + "?compression=none");
             VectorSchemaRoot root = root()) {
            RequestHandle insert = mock.add(Handlers.recordRaw());
            ClickHouseArrow.of(client).insert("t").send(root);
            assertThat(insert.parameters()).doesNotContainKey("decompress");
            try (ArrowStreamReader sent = new ArrowStreamReader(new ByteArrayInputStream(insert.body()), allocator)) {
                assertThat(sent.loadNextBatch()).isTrue();
                assertThat(sent.getVectorSchemaRoot().getRowCount()).isEqualTo(2);
            }
        }
    }

    private VectorSchemaRoot root() {
        VectorSchemaRoot root = VectorSchemaRoot.of(new BigIntVector("id", allocator),
                new VarCharVector("name", allocator));
        root.allocateNew();
        ((BigIntVector) root.getVector("id")).set(0, 1);
        ((BigIntVector) root.getVector("id")).set(1, 2);
        ((VarCharVector) root.getVector("name")).set(0, "one".getBytes(StandardCharsets.UTF_8));
        ((VarCharVector) root.getVector("name")).set(1, "two".getBytes(StandardCharsets.UTF_8));
        root.setRowCount(2);
        return root;
    }

    /** An ArrowStream of one two-row batch, as the server would send it (written by Arrow itself). */
    private byte[] twoRows() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = root(); ArrowStreamWriter writer = new ArrowStreamWriter(root, null, bytes)) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        return bytes.toByteArray();
    }
}
