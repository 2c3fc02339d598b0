package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.chspring.client.ClickHouseCompressionException;
import io.chspring.client.ClickHouseServerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Responses sent with {@code Content-Encoding: zstd}, which ClickHouse 21.x and later write for a request with
 * {@code Accept-Encoding: zstd} and {@code enable_http_compression=1}. No engine on this machine shows it: the 18.16
 * server predates zstd HTTP encoding and chDB runs in process without HTTP, so a socket-level peer plays the server.
 * The body bytes are real: {@code zstd-stream.zst} was written by a ClickHouse 26.5 engine (chDB), see
 * FrameCodecTests.
 */
class HttpTransportZstdResponseTests {

    private static final int ROWS = 200_000;

    /** The RowBinary of {@code SELECT number * 7 FROM numbers(200000)}, what the golden stream holds. */
    private static byte[] expectedRows() {
        ByteBuffer b = ByteBuffer.allocate(ROWS * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long n = 0; n < ROWS; n++) {
            b.putLong(n * 7);
        }
        return b.array();
    }

    private static byte[] golden() throws IOException {
        try (InputStream in = HttpTransportZstdResponseTests.class
                .getResourceAsStream("/golden/compression/zstd-stream.zst")) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }

    /** A chunked 200 answer with these headers, the body cut into random chunks of 1 to 5000 bytes. */
    private static RawHttpPeer peer(String headers, byte[] body) throws IOException {
        return new RawHttpPeer((index, head, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Random random = new Random(index);
            for (int off = 0; off < body.length;) {
                int n = Math.min(body.length - off, 1 + random.nextInt(5000));
                out.write(RawHttpPeer.chunk(Arrays.copyOfRange(body, off, off + n)));
                off += n;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    private static TransportRequest select() {
        return new TransportRequest("SELECT number * 7 FROM numbers(200000) FORMAT RowBinary", Map.of(), Map.of(), null,
                "q-1", null, null, null, false, false, true, null, null, Map.of("Accept-Encoding", "zstd"));
    }

    @Test
    void aZstdEncodedBodyIsDecodedAsTheHeaderSays() throws IOException {
        try (RawHttpPeer peer = peer("Content-Encoding: zstd\r\n", golden());
                HttpTransport transport = HttpTransport.create(TestOptions.builder().endpoint(peer.uri()).build());
                TransportResponse r = transport.execute(select())) {
            assertThat(r.body().readAllBytes()).isEqualTo(expectedRows());
        }
    }

    @Test
    void withoutTheHeaderTheBodyIsTakenAsItIs() throws IOException {
        // an older server ignores Accept-Encoding: zstd and answers plain; the client must not guess from the bytes
        byte[] golden = golden();
        try (RawHttpPeer peer = peer("", golden);
                HttpTransport transport = HttpTransport.create(TestOptions.builder().endpoint(peer.uri()).build());
                TransportResponse r = transport.execute(select())) {
            assertThat(r.body().readAllBytes()).isEqualTo(golden);
        }
    }

    @Test
    void anErrorAppendedInsideTheZstdStreamIsFound() throws IOException {
        // the server writes the exception through the encoding buffer, after the rows it had sent
        String tag = "AbCdEfGh12345678";
        String text = "Code: 395. DB::Exception: boom. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version 25.11.1.1)\n";
        String block = "\r\n__exception__\r\n" + tag + "\r\n" + text + text.length() + " " + tag + "\r\n__exception__\r\n";
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(new byte[100_000]);
        plain.writeBytes(block.getBytes(StandardCharsets.US_ASCII));
        byte[] encoded = Zstd.compress(plain.toByteArray(), 3);
        try (RawHttpPeer peer = peer("Content-Encoding: zstd\r\nX-ClickHouse-Exception-Tag: " + tag + "\r\n", encoded);
                HttpTransport transport = HttpTransport.create(TestOptions.builder().endpoint(peer.uri()).build());
                TransportResponse r = transport.execute(select())) {
            assertThatThrownBy(() -> r.body().readAllBytes())
                    .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(395);
                        assertThat(e.getMessage()).contains("boom");
                    });
        }
    }

    @Test
    void anEncodingTheClientDidNotAskForIsRefusedByName() throws IOException {
        try (RawHttpPeer peer = peer("Content-Encoding: gzip\r\n", new byte[] {0x1f, (byte) 0x8b, 8, 0});
                HttpTransport transport = HttpTransport.create(TestOptions.builder().endpoint(peer.uri()).build())) {
            assertThatThrownBy(() -> transport.execute(select()).close())
                    .isInstanceOf(ClickHouseCompressionException.class)
                    .hasMessageContaining("Content-Encoding 'gzip'")
                    .hasMessageContaining("q-1");
        }
    }

    @Test
    void aZstdEncodedErrorBodyIsReadAsText() throws IOException {
        String text = "Code: 60. DB::Exception: Table default.missing does not exist. (UNKNOWN_TABLE)\n";
        byte[] encoded = Zstd.compress(text.getBytes(StandardCharsets.UTF_8), 1);
        try (RawHttpPeer peer = new RawHttpPeer((index, head, out) -> {
            out.write(("HTTP/1.1 404 Not Found\r\nContent-Encoding: zstd\r\nX-ClickHouse-Exception-Code: 60\r\n"
                    + "Content-Length: " + encoded.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(encoded);
            out.flush();
        }); HttpTransport transport = HttpTransport.create(TestOptions.builder().endpoint(peer.uri()).build())) {
            assertThatThrownBy(() -> transport.execute(select()).close())
                    .isInstanceOfSatisfying(ClickHouseServerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(60);
                        assertThat(e.getMessage()).contains("Table default.missing does not exist");
                    });
        }
    }
}
