package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Error bodies of requests that asked for {@code compress=1}: the server frames the error text too. */
class HttpTransportResponseErrorTextTests {

    /**
     * The whole 500 body ClickHouse 18.16.1 sent for {@code SELECT throwIf(number = 3000000) FROM system.numbers}
     * with {@code compress=1&default_format=RowBinary} (curl): one LZ4 frame holding the error text.
     */
    private static final byte[] FRAMED_500 = HexFormat.of().parseHex("664508574472b446d64d9e30bb97f94082720000007500"
            + "0000f03b436f64653a203339352c20652e646973706c6179546578742829203d2044423a3a457863657074696f6e3a2056616c7565"
            + "2070617373656420746f20277468726f774966272066756e632400c0206973206e6f6e207a65726f51003b7768614a005074696f6e"
            + "0a");
    private static final String TEXT = "Code: 395, e.displayText() = DB::Exception: Value passed to 'throwIf' function"
            + " is non zero, e.what() = DB::Exception\n";

    @Test
    void aFramedErrorBodyIsDecompressed() {
        assertThat(HttpTransportResponse.errorText(FRAMED_500, true, "q")).isEqualTo(TEXT);
        assertThat(HttpErrors.fromResponse(500, HttpTransportResponse.errorText(FRAMED_500, true, "q"), null, "q")
                .errorCode()).isEqualTo(395);
    }

    @Test
    void aBodyIsOnlyDecompressedWhenCompressionWasAskedFor() {
        assertThat(HttpTransportResponse.errorText(FRAMED_500, false, "q")).isNotEqualTo(TEXT).contains("Code: 395");
    }

    @Test
    void anUnframedBodyIsTakenAsText() {
        byte[] page = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
        assertThat(HttpTransportResponse.errorText(page, true, "q")).isEqualTo("<html>502 Bad Gateway</html>");
        assertThat(HttpTransportResponse.errorText(TEXT.getBytes(StandardCharsets.UTF_8), true, "q")).isEqualTo(TEXT);
        assertThat(HttpTransportResponse.errorText(new byte[0], true, "q")).isEmpty();
    }
}
