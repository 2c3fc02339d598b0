package io.chspring.client.type;

/**
 * ClickHouse's backslash escapes, as the server writes them in quoted literals of type names and in
 * TabSeparated fields: {@code \n \t \r \0 \a \b \f \v} stand for control characters, a backslash before any
 * other character stands for that character ({@code \\ \' \`}). The server's reading side is
 * {@code parseEscapeSequence} in {@code src/IO/ReadHelpers.cpp}; see also
 * https://clickhouse.com/docs/interfaces/formats/TabSeparated.
 */
public final class BackslashEscapes {

    private BackslashEscapes() {
    }

    /** The character {@code \c} stands for. */
    static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            case 'a' -> '\007';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> '\013';
            default -> c;
        };
    }

    /** {@code text} with every escape replaced by its character; a lone backslash at the very end stays. */
    public static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                sb.append(c);
            } else {
                sb.append(unescape(text.charAt(++i)));
            }
        }
        return sb.toString();
    }
}
