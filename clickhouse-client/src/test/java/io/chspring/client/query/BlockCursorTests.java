package io.chspring.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.block.Block;
import io.chspring.client.block.NativeBlockReader;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.transport.TransportResponse;
import io.chspring.client.type.ClickHouseColumn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The block cursor over Native bytes a real 18.16 server wrote (golden/native), without a server. */
class BlockCursorTests {

    private static final class Response implements TransportResponse {
        private final InputStream body;
        int closed;

        Response(byte[] bytes) {
            this.body = new ByteArrayInputStream(bytes);
        }

        @Override
        public String queryId() {
            return "q1";
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.empty();
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private static byte[] golden(String id) {
        try (InputStream in = BlockCursorTests.class.getResourceAsStream("/golden/native/18.16/" + id + ".bin")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BlockCursor cursor(Response response, AtomicInteger describes) {
        QueryResponse query = new QueryResponse(response);
        return new BlockCursor(query, new NativeBlockReader(new RowBinaryInput(query), CodecOptions.DEFAULT), () -> {
            describes.incrementAndGet();
            return List.of(ClickHouseColumn.of("x", "UInt8"));
        });
    }

    @Test
    void columnsComeFromTheFirstBlockBeforeItIsTaken() {
        Response response = new Response(golden("blocks"));
        AtomicInteger describes = new AtomicInteger();
        try (BlockCursor cursor = cursor(response, describes)) {
            assertThat(cursor.columns()).extracting(ClickHouseColumn::toString).containsExactly("n UInt64", "s String");
            assertThat(cursor.stream().map(Block::rows).toList()).containsExactly(2, 2, 1);
            assertThat(cursor.hasNext()).isFalse();
            assertThatThrownBy(cursor::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("q1");
        }
        assertThat(describes).hasValue(0);
        assertThat(response.closed).isEqualTo(1);
    }

    @Test
    void anEmptyResultAsksForItsColumnsOnlyWhenTheyAreWanted() {
        AtomicInteger describes = new AtomicInteger();
        try (BlockCursor cursor = cursor(new Response(new byte[0]), describes)) {
            assertThat(cursor.hasNext()).isFalse();
            assertThat(describes).hasValue(0);
            assertThat(cursor.columns()).extracting(ClickHouseColumn::toString).containsExactly("x UInt8");
            assertThat(cursor.columns()).hasSize(1);
            assertThat(describes).hasValue(1);
        }
    }

    @Test
    void closingEarlyClosesTheResponseOnceAndEndsTheIteration() {
        Response response = new Response(golden("blocks"));
        BlockCursor cursor = cursor(response, new AtomicInteger());
        assertThat(cursor.next().rows()).isEqualTo(2);
        cursor.close();
        cursor.close();
        assertThat(response.closed).isEqualTo(1);
        assertThat(cursor.hasNext()).isFalse();
        assertThatThrownBy(() -> {
            cursor.iterator();
            cursor.iterator();
        }).isInstanceOf(IllegalStateException.class);
    }
}
