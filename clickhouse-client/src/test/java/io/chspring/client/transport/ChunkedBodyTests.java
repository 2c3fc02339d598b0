package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.StreamClosedException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.junit.jupiter.api.Test;

/**
 * The chunked body decoder over HttpCore's own session buffer, fed with wire bytes written out here. The real
 * server's chunks (18.16 sends 4 KiB ones) are read in {@code ChunkedResponseIntegrationTests}.
 */
class ChunkedBodyTests {

    private static final Http1Config CONFIG = Http1Config.custom().setBufferSize(64 * 1024).build();

    @Test
    void oneReadCarriesOnThroughTheChunksAlreadyBuffered() throws IOException {
        Wire wire = new Wire("5\r\nhello\r\n6\r\n, wide\r\n6\r\n world\r\n0\r\n\r\n" + " ".repeat(40));
        byte[] b = new byte[100];

        int n = wire.body.read(b, 0, b.length);

        assertThat(new String(b, 0, n, StandardCharsets.US_ASCII)).isEqualTo("hello, wide world");
        assertThat(wire.body.read(b, 0, b.length)).isEqualTo(-1);
    }

    @Test
    void withLittleBufferedAReadStopsAtTheChunkInsteadOfWaitingForTheNextHeader() throws IOException {
        Wire wire = new Wire("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        byte[] b = new byte[100];

        assertThat(wire.body.read(b, 0, b.length)).isEqualTo(5);
        assertThat(wire.body.read(b, 0, b.length)).isEqualTo(6);
        assertThat(new String(b, 0, 6, StandardCharsets.US_ASCII)).isEqualTo(" world");
        assertThat(wire.body.read(b, 0, b.length)).isEqualTo(-1);
    }

    @Test
    void aBodyArrivingOneByteAtATimeDecodesTheSame() throws IOException {
        String body = "x".repeat(5000) + "the end";
        String wire = Integer.toHexString(4096) + "\r\n" + body.substring(0, 4096) + "\r\n"
                + Integer.toHexString(body.length() - 4096) + "\r\n" + body.substring(4096) + "\r\n0\r\n\r\n";
        SessionInputBufferImpl buffer = new SessionInputBufferImpl(64 * 1024);
        InputStream dripping = new InputStream() {
            private final ByteArrayInputStream source =
                    new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII));

            @Override
            public int read() {
                return source.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return source.read(b, off, Math.min(len, 1));
            }
        };

        assertThat(new String(new ChunkedBody(buffer, dripping, CONFIG).readAllBytes(), StandardCharsets.US_ASCII))
                .isEqualTo(body);
    }

    @Test
    void extensionsBlanksAndBareLineFeedsAreAcceptedAsHttpCoreAcceptsThem() throws IOException {
        Wire wire = new Wire("5 ;name=\"v;x\"\r\nhello\r\n A\n0123456789\n0\n\n");

        assertThat(new String(wire.body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello0123456789");
    }

    @Test
    void theTrailerIsReadAndTheNextResponseLeftOnTheConnection() throws IOException {
        Wire wire = new Wire("3\r\nabc\r\n0\r\nX-Trailer: 1\r\nX-Other: 2\r\n\r\nHTTP/1.1 200 OK");

        assertThat(wire.body.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
        assertThat(wire.rest()).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void closeReadsTheRestOfTheBodySoTheConnectionCanBeReused() throws IOException {
        Wire wire = new Wire("3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\nNEXT");

        assertThat(wire.body.read()).isEqualTo('a');
        wire.body.close();

        assertThat(wire.rest()).isEqualTo("NEXT");
        assertThatThrownBy(() -> wire.body.read()).isInstanceOf(StreamClosedException.class);
    }

    @Test
    void singleByteReadsAndAvailableStayWithinTheChunk() throws IOException {
        Wire wire = new Wire("2\r\nab\r\n1\r\nc\r\n0\r\n\r\n");

        assertThat(wire.body.read()).isEqualTo('a');
        assertThat(wire.body.available()).isEqualTo(1);
        assertThat(wire.body.read()).isEqualTo('b');
        assertThat(wire.body.read()).isEqualTo('c');
        assertThat(wire.body.read()).isEqualTo(-1);
        assertThat(wire.body.available()).isZero();
    }

    @Test
    void aHeaderWithoutASizeIsMalformedAndStaysSo() {
        Wire wire = new Wire("zz\r\nhello\r\n0\r\n\r\n");

        assertThatThrownBy(() -> wire.body.read(new byte[10], 0, 10))
                .isInstanceOf(MalformedChunkCodingException.class).hasMessageContaining("Bad chunk header: no size");
        assertThatThrownBy(() -> wire.body.read(new byte[10], 0, 10))
                .isInstanceOf(MalformedChunkCodingException.class).hasMessageContaining("Corrupt data stream");
    }

    @Test
    void aChunkNotFollowedByCrlfIsMalformed() {
        Wire wire = new Wire("5\r\nhelloX\r\n0\r\n\r\n");

        assertThatThrownBy(() -> wire.body.readAllBytes())
                .isInstanceOf(MalformedChunkCodingException.class).hasMessageContaining("CRLF expected");
    }

    @Test
    void aSizeBeyondALongIsMalformed() {
        Wire wire = new Wire("80000000000000000\r\n");

        assertThatThrownBy(() -> wire.body.read())
                .isInstanceOf(MalformedChunkCodingException.class).hasMessageContaining("beyond 2^63 - 1");
    }

    @Test
    void anExtensionLongerThanTheLineLimitIsMalformed() {
        Http1Config strict = Http1Config.custom().setMaxLineLength(20).build();
        byte[] wire = ("5;" + "e".repeat(30) + "\r\nhello\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ChunkedBody body = new ChunkedBody(new SessionInputBufferImpl(1024), new ByteArrayInputStream(wire), strict);

        assertThatThrownBy(body::read).isInstanceOf(MalformedChunkCodingException.class)
                .hasMessageContaining("longer than 20 bytes");
    }

    @Test
    void aConnectionEndingInsideAChunkIsATruncatedChunk() {
        Wire wire = new Wire("10\r\nabc");

        assertThatThrownBy(() -> wire.body.readAllBytes()).isInstanceOf(TruncatedChunkException.class)
                .hasMessageContaining("13 bytes of it missing");
    }

    @Test
    void aConnectionEndingBeforeTheLastChunkIsAClosedConnection() {
        Wire wire = new Wire("5\r\nhello\r\n");

        assertThatThrownBy(() -> wire.body.readAllBytes()).isInstanceOf(ConnectionClosedException.class)
                .hasMessageContaining("closing chunk expected");
    }

    @Test
    void bytesBeforeABrokenHeaderAreHandedOutBeforeTheFailure() throws IOException {
        // a server that writes an error and then breaks the framing: the error text must reach the caller first
        Wire wire = new Wire("5\r\nerror\r\nnot a header" + " ".repeat(40));
        byte[] b = new byte[100];

        assertThat(wire.body.read(b, 0, b.length)).isEqualTo(5);
        assertThat(new String(b, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("error");
        assertThatThrownBy(() -> wire.body.read(b, 0, b.length)).isInstanceOf(MalformedChunkCodingException.class)
                .hasMessageContaining("Bad chunk header");
    }

    @Test
    void hexDigitsOfEitherCaseAndNothingElse() {
        assertThat(ChunkedBody.hex('0')).isZero();
        assertThat(ChunkedBody.hex('9')).isEqualTo(9);
        assertThat(ChunkedBody.hex('a')).isEqualTo(10);
        assertThat(ChunkedBody.hex('F')).isEqualTo(15);
        assertThat(ChunkedBody.hex('g')).isEqualTo(-1);
        assertThat(ChunkedBody.hex('G')).isEqualTo(-1);
        assertThat(ChunkedBody.hex('@')).isEqualTo(-1);
        assertThat(ChunkedBody.hex('`')).isEqualTo(-1);
        assertThat(ChunkedBody.hex(-1)).isEqualTo(-1);
        assertThat(ChunkedBody.hex(0xE6)).isEqualTo(-1);
    }

    /** A body over the wire bytes {@code text}, and what is left on the connection after it. */
    private static final class Wire {
        final SessionInputBufferImpl buffer = new SessionInputBufferImpl(64 * 1024);
        final ByteArrayInputStream in;
        final ChunkedBody body;

        Wire(String text) {
            in = new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
            body = new ChunkedBody(buffer, in, CONFIG);
        }

        String rest() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b = buffer.read(in); b >= 0; b = buffer.read(in)) {
                out.write(b);
            }
            return out.toString(StandardCharsets.US_ASCII);
        }
    }
}
