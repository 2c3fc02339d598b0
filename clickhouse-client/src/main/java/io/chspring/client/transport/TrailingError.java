package io.chspring.client.transport;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds an error the server appended to a 200 response after it had started streaming rows (README quirk 4):
 * the last bytes of the body are then the error text instead of data. Three shapes exist:
 * <ul>
 *   <li>18.x-21.x: the plain old-form text {@code Code: N, e.displayText() = ..., e.what() = DB::Exception\n};</li>
 *   <li>21.x-25.10: the plain new-form text {@code Code: N. DB::Exception: ... (NAME) (version ...)\n}, after which
 *       newer servers also break the chunked framing so that the body ends with an I/O error;</li>
 *   <li>25.11+: a framed block {@code \r\n__exception__\r\n<TAG>\r\n<text>\n<length> <TAG>\r\n__exception__\r\n}, TAG
 *       being the value of the {@code X-ClickHouse-Exception-Tag} response header
 *       ({@code WriteBufferFromHTTP1ServerResponse::cancelWithException} in the server).</li>
 * </ul>
 */
final class TrailingError {

    private static final String MARKER = "__exception__";
    private static final String BLOCK_END = "\r\n" + MARKER + "\r\n";
    private static final String CODE = "Code: ";
    /** Bounds the work on a tail full of the string "Code: " (for example a String column of error logs). */
    private static final int MAX_CANDIDATES = 32;

    private TrailingError() {
    }

    /**
     * The error that the bytes {@code buf[from, to)} end with, if they end with one.
     *
     * @param tag the {@code X-ClickHouse-Exception-Tag} header value, or {@code null} when absent
     */
    static Optional<ServerErrorText> find(byte[] buf, int from, int to, String tag) {
        // ISO-8859-1 maps bytes 1:1 to chars, so string indexes are byte offsets into buf.
        String s = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        Optional<ServerErrorText> framed = framed(s, buf, from, tag);
        if (framed.isPresent()) {
            return framed;
        }
        int pos = s.length();
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            pos = s.lastIndexOf(CODE, pos - 1);
            if (pos < 0) {
                break;
            }
            String text = new String(buf, from + pos, to - from - pos, StandardCharsets.UTF_8);
            if (ServerErrorText.isCompleteError(text)) {
                return Optional.of(ServerErrorText.parse(text));
            }
        }
        return Optional.empty();
    }

    private static Optional<ServerErrorText> framed(String s, byte[] buf, int from, String tag) {
        if (!s.endsWith(BLOCK_END)) {
            return Optional.empty();
        }
        int lineEnd = s.length() - BLOCK_END.length();
        int lineStart = s.lastIndexOf('\n', lineEnd - 1) + 1;
        String line = s.substring(lineStart, lineEnd);
        int space = line.indexOf(' ');
        if (lineStart == 0 || space <= 0) {
            return Optional.empty();
        }
        String blockTag = line.substring(space + 1);
        if (tag != null && !tag.equals(blockTag)) {
            return Optional.empty();
        }
        String header = MARKER + "\r\n" + blockTag + "\r\n";
        int start = s.lastIndexOf(header, lineStart);
        if (start < 0) {
            return Optional.empty();
        }
        int textStart = start + header.length();
        String text = new String(buf, from + textStart, Math.max(0, lineStart - textStart), StandardCharsets.UTF_8);
        return Optional.of(ServerErrorText.parse(text));
    }
}
