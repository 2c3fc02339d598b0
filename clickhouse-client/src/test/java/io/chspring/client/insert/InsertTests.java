package io.chspring.client.insert;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.FakeTransport;
import io.chspring.client.compression.ClickHouseLz4InputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed insert's two paths: a small insert sent from end() on the calling thread, a large one streamed. */
class InsertTests {

    record Event(long id, String name) {
    }

    private static final String DESCRIBE = "id\tUInt64\t\t\t\nname\tString\t\t\t\n";

    @Test
    void aSingleRowIsSentByEndOnTheCallingThread() {
        FakeTransport transport = new FakeTransport("18.16.1").answering(DESCRIBE);
        try (ClickHouseClient client = transport.client(); Insert<Event> insert = client.insert("t", Event.class)) {
            insert.write(new Event(7, "a"));
            assertThat(inserts(transport)).as("nothing is sent before end()").isZero();

            insert.end();
        }

        assertThat(inserts(transport)).isEqualTo(1);
        assertThat(lastThread(transport)).isEqualTo(Thread.currentThread().getName());
        assertThat(transport.lastBody()).isEqualTo(rowBinary(new Event(7, "a")));
    }

    @Test
    void aSingleRowGoesAsOneFrameOfItsOwnSizeWhenTheTransportTakesFrames() throws IOException {
        FakeTransport transport = new FakeTransport("18.16.1").answering(DESCRIBE).framing();
        try (ClickHouseClient client = transport.client(); Insert<Event> insert = client.insert("t", Event.class)) {
            insert.write(new Event(7, "a"));
            insert.end();
        }

        byte[] frames = transport.lastBody();
        assertThat(decompressed(frames)).isEqualTo(rowBinary(new Event(7, "a")));
        int compressedSize = ByteBuffer.wrap(frames, 17, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(frames).as("one frame: 16 bytes of checksum and the compressed block").hasSize(16 + compressedSize);
        assertThat(lastThread(transport)).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void anInsertLargerThanTheLightLimitStreamsAsOneRequestFromAHelperThread() throws IOException {
        for (boolean framing : new boolean[] {false, true}) {
            FakeTransport transport = new FakeTransport("18.16.1").answering(DESCRIBE);
            if (framing) {
                transport.framing();
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int rows = 3 * Insert.LIGHT_LIMIT / 20;
            try (ClickHouseClient client = transport.client();
                    Insert<Event> insert = client.insert("t", Event.class)) {
                for (int i = 0; i < rows; i++) {
                    Event e = new Event(i, "name-" + i);
                    insert.write(e);
                    expected.write(rowBinary(e));
                }
                insert.end();
            }

            assertThat(expected.size()).isGreaterThan(2 * Insert.LIGHT_LIMIT);
            assertThat(inserts(transport)).as("one request, whatever the number of rows").isEqualTo(1);
            assertThat(lastThread(transport)).startsWith("chspring-insert-");
            byte[] body = transport.lastBody();
            assertThat(framing ? decompressed(body) : body).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aRowThatFailsToEncodeLeavesTheHeldRowsIntact() {
        FakeTransport transport = new FakeTransport("18.16.1").answering(DESCRIBE);
        try (ClickHouseClient client = transport.client(); Insert<Event> insert = client.insert("t", Event.class)) {
            insert.write(new Event(1, "a"));
            try {
                insert.write(new Event(2, null));
            } catch (RuntimeException expected) {
                // a NULL for a non-Nullable String column is refused whole
            }
            insert.write(new Event(3, "c"));
            insert.end();
        }

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(rowBinary(new Event(1, "a")));
        expected.writeBytes(rowBinary(new Event(3, "c")));
        assertThat(transport.lastBody()).isEqualTo(expected.toByteArray());
    }

    private static long inserts(FakeTransport transport) {
        return transport.userRequests().stream().filter(r -> r.sql().startsWith("INSERT")).count();
    }

    private static String lastThread(FakeTransport transport) {
        List<String> threads = transport.threads();
        return threads.get(threads.size() - 1);
    }

    /** RowBinary of (UInt64, String) written by hand: 8 bytes little-endian, a one-byte length, the bytes. */
    private static byte[] rowBinary(Event e) {
        byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + 1 + name.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(e.id()).put((byte) name.length).put(name).array();
    }

    private static byte[] decompressed(byte[] frames) throws IOException {
        try (ClickHouseLz4InputStream in = new ClickHouseLz4InputStream(new ByteArrayInputStream(frames))) {
            return in.readAllBytes();
        }
    }
}
