package io.chspring.client.sql;

/**
 * Writes quoted string literals and identifiers.
 *
 * <p>Only escapes that ClickHouse 18.16 and current servers decode identically are emitted: {@code \\}, {@code \'}
 * (or the closing quote of an identifier), {@code \0 \b \f \n \r \t} and {@code \xHH}. Unknown escapes such as
 * {@code \z} differ between versions (18.16 drops the backslash, 26.x keeps it; see {@code parseComplexEscapeSequence}
 * in {@code src/IO/ReadHelpers.cpp}), so they are never produced.
 */
final class SqlEscaper {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqlEscaper() {
    }

    /**
     * Appends {@code value} in {@code quote} quotes. Characters outside ASCII are kept as they are (the SQL text is
     * sent as UTF-8). An unpaired UTF-16 surrogate has no UTF-8 form: it is rejected rather than replaced.
     */
    static void appendQuoted(StringBuilder out, CharSequence value, char quote) {
        out.append(quote);
        int length = value.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\' && c != quote) {
                continue;
            }
            if (c >= 0x80 && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(value, start, i);
            start = i + 1;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(i + 1));
                i++;
                start = i + 1;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("String value has an unpaired UTF-16 surrogate \\u"
                        + Integer.toHexString(c) + " at index " + i + "; it has no UTF-8 form and cannot be sent");
            } else {
                appendEscape(out, c);
            }
        }
        out.append(value, start, length).append(quote);
    }

    private static void appendEscape(StringBuilder out, char c) {
        out.append('\\');
        switch (c) {
            case '\0' -> out.append('0');
            case '\b' -> out.append('b');
            case '\f' -> out.append('f');
            case '\n' -> out.append('n');
            case '\r' -> out.append('r');
            case '\t' -> out.append('t');
            case '\\', '\'', '`', '"' -> out.append(c);
            default -> out.append('x').append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }

    /**
     * Appends {@code bytes} as a single-quoted literal that decodes to exactly these bytes: printable ASCII as is,
     * every other byte as {@code \xHH}, so the SQL text stays ASCII whatever the bytes are.
     */
    static void appendBytes(StringBuilder out, byte[] bytes) {
        out.ensureCapacity(out.length() + bytes.length + 2);
        out.append('\'');
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v == '\\' || v == '\'') {
                out.append('\\').append((char) v);
            } else if (v >= 0x20 && v < 0x7F) {
                out.append((char) v);
            } else {
                out.append("\\x").append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        out.append('\'');
    }
}
